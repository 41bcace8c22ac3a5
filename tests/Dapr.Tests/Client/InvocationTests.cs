using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DaprShop.Dapr.Tests.Infrastructure;

namespace DaprShop.Dapr.Tests.Client;

[Collection(SidecarCollection.Name)]
public sealed class InvocationTests(SidecarFixture sidecar)
{
    private const string AppId = SidecarFixture.AppId;

    private readonly DaprClient _client = sidecar.Client;

    [Fact]
    public async Task Invoke_sends_json_and_reads_the_typed_response()
    {
        var order = new Order(Guid.NewGuid(), "SKU-9", 2);

        var created = await _client.InvokeMethodAsync<Order, Order>(HttpMethod.Post, AppId, "orders", order);

        Assert.Equal(order with { Status = "created" }, created);
    }

    [Fact]
    public async Task The_method_path_and_query_reach_the_app_unchanged()
    {
        var echo = await _client.InvokeMethodAsync<EchoResponse>(HttpMethod.Get, AppId, "echo/a/b?view=full&page=2");

        Assert.Equal("GET", echo!.Method);
        Assert.Equal("/echo/a/b", echo.Path);
        Assert.Equal("?view=full&page=2", echo.Query);
    }

    [Fact]
    public async Task Query_string_parameters_are_escaped_and_appended()
    {
        var request = _client.CreateInvokeMethodRequest(HttpMethod.Delete, AppId, "echo/items", [KeyValuePair.Create("q", "a&b c")]);

        var echo = await _client.InvokeMethodAsync<EchoResponse>(request);

        Assert.Equal("DELETE", echo!.Method);
        Assert.Equal("?q=a%26b%20c", echo.Query);
    }

    [Fact]
    public async Task An_app_error_status_throws_an_invocation_exception_carrying_the_response()
    {
        var failure = await Assert.ThrowsAsync<InvocationException>(() => _client.InvokeMethodAsync<Order>(HttpMethod.Get, AppId, "status/409"));

        Assert.Equal(HttpStatusCode.Conflict, failure.StatusCode);
        Assert.Equal(AppId, failure.AppId);
        Assert.Equal("status/409", failure.MethodName);
        Assert.Equal("application/problem+json", failure.Response!.Content.Headers.ContentType?.MediaType);
        Assert.Equal("the app said no", JsonDocument.Parse(failure.ResponseBody!).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invoke_without_a_response_type_also_throws_on_an_error_status()
    {
        var failure = await Assert.ThrowsAsync<InvocationException>(() => _client.InvokeMethodAsync(HttpMethod.Get, AppId, "status/500"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_requested_type_throws_an_invocation_exception()
    {
        var failure = await Assert.ThrowsAsync<InvocationException>(() => _client.InvokeMethodAsync<int>(HttpMethod.Get, AppId, "echo/x"));

        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException);
    }

    [Fact]
    public async Task Invoke_with_response_returns_error_statuses_as_they_are()
    {
        using var response = await _client.InvokeMethodWithResponseAsync(_client.CreateInvokeMethodRequest(HttpMethod.Get, AppId, "status/404"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("the app said no", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_invoke_http_client_rewrites_app_urls_and_preserves_verb_headers_body_and_query()
    {
        using var http = DaprClient.CreateInvokeHttpClient(AppId, sidecar.Sidecar.HttpEndpoint.ToString(), SidecarFixture.DaprApiToken);
        var request = new HttpRequestMessage(HttpMethod.Patch, "/echo/carts/7?merge=true")
        {
            Content = new StringContent("<cart/>", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add("x-custom", "kept");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<EchoResponse>();
        Assert.Equal(new EchoResponse("PATCH", "/echo/carts/7", "?merge=true", "<cart/>", "application/xml; charset=utf-8", [], "kept"),
            echo! with { TraceParent = [] });
        Assert.Equal(new Uri($"http://{AppId}/echo/carts/7?merge=true"), response.RequestMessage!.RequestUri);
    }

    [Fact]
    public async Task The_invoke_http_client_passes_statuses_and_redirects_back_without_following_them()
    {
        using var http = sidecar.Client.CreateInvokableHttpClient(AppId);

        using var redirect = await http.GetAsync("/redirect");
        using var error = await http.GetAsync($"http://{AppId}/status/418");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/elsewhere", redirect.Headers.Location?.OriginalString);
        Assert.Equal((HttpStatusCode)418, error.StatusCode);
    }

    [Fact]
    public async Task The_invoke_http_client_without_the_api_token_is_rejected_by_the_sidecar()
    {
        using var http = DaprClient.CreateInvokeHttpClient(AppId, sidecar.Sidecar.HttpEndpoint.ToString(), daprApiToken: "wrong");

        using var response = await http.GetAsync("/echo/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_current_trace_continues_in_the_called_app_with_exactly_one_traceparent()
    {
        using var activity = new Activity("checkout").SetIdFormat(ActivityIdFormat.W3C).Start();

        var echo = await _client.InvokeMethodAsync<EchoResponse>(HttpMethod.Get, AppId, "echo/trace");

        var traceParent = Assert.Single(echo!.TraceParent);
        Assert.Equal(activity.TraceId.ToHexString(), traceParent!.Split('-')[1]);
    }

    [Fact]
    public async Task An_unknown_app_is_an_invocation_exception_with_daprs_error_body()
    {
        var failure = await Assert.ThrowsAsync<InvocationException>(() => _client.InvokeMethodAsync(HttpMethod.Get, "no-such-app", "anything"));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal("ERR_DIRECT_INVOKE", JsonDocument.Parse(failure.ResponseBody!).RootElement.GetProperty("errorCode").GetString());
    }
}
