using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DaprShop.Gateway.Correlation;
using DaprShop.Testing;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Gateway.Tests;

public sealed class ForwardingTests : IAsyncLifetime
{
    private readonly TestAccessTokens _identity = new();
    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _sidecar.Jwks = _identity.JwksJson();
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task A_request_reaches_the_apps_method_through_the_sidecars_invoke_api_with_method_path_query_and_body()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/catalog/products/0192f0c4/name%20tag?q=red%20shirt&page=2")
        {
            Content = new StringContent("""{"name":"Shirt"}""", Encoding.UTF8, "application/json"),
        };

        await _gateway.Client.SendAsync(request);

        var received = Assert.Single(_sidecar.Received);
        Assert.Equal("PUT", received.Method);
        Assert.Equal("/v1.0/invoke/catalog/method/products/0192f0c4/name%20tag?q=red%20shirt&page=2", received.PathAndQuery);
        Assert.Equal("""{"name":"Shirt"}""", Encoding.UTF8.GetString(received.Body));
        Assert.Equal("application/json; charset=utf-8", received.Headers["Content-Type"]);
    }

    [Fact]
    public async Task A_header_value_that_is_not_ascii_is_a_400_problem_and_not_forwarded()
    {
        // HttpClient refuses to send such a value unless told how to encode it; browsers and curl send the bytes.
        using var utf8Client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = _gateway.Address,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ordering/orders/checkout") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "clé-1");

        var response = await utf8Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(_sidecar.Received);
    }

    [Fact]
    public async Task An_area_alias_is_forwarded_to_its_app()
    {
        await _gateway.Client.PostAsync("/api/orders/checkout", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal("/v1.0/invoke/ordering/method/checkout", Assert.Single(_sidecar.Received).PathAndQuery);
    }

    [Fact]
    public async Task The_caller_cannot_choose_the_sidecar_token_the_target_or_the_caller_identity()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add("dapr-api-token", "forged");
        request.Headers.Add("dapr-app-id", "payment");
        request.Headers.Add("dapr-caller-app-id", "ordering");

        await _gateway.Client.SendAsync(request);

        var received = Assert.Single(_sidecar.Received);
        Assert.Equal(GatewayHost.DaprApiToken, received.Headers["dapr-api-token"]);
        Assert.False(received.Headers.ContainsKey("dapr-app-id"));
        Assert.False(received.Headers.ContainsKey("dapr-caller-app-id"));
        Assert.StartsWith("/v1.0/invoke/catalog/", received.PathAndQuery);
    }

    [Fact]
    public async Task End_to_end_headers_are_forwarded_and_hop_by_hop_ones_are_not()
    {
        var token = _identity.Customer(Guid.CreateVersion7());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ordering/checkout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Cart-Id", "cart-7");
        request.Headers.Add("Idempotency-Key", "checkout-0192f0c4");
        request.Headers.Add("X-Session-Hint", "drop-me");
        request.Headers.Connection.Add("X-Session-Hint");

        await _gateway.Client.SendAsync(request);

        var received = Assert.Single(_sidecar.Received);
        Assert.Equal($"Bearer {token}", received.Headers["Authorization"]);
        Assert.Equal("cart-7", received.Headers["X-Cart-Id"]);
        Assert.Equal("checkout-0192f0c4", received.Headers["Idempotency-Key"]);
        Assert.False(received.Headers.ContainsKey("X-Session-Hint"));
    }

    [Fact]
    public async Task The_trace_continues_through_the_gateway_as_a_new_span_of_the_callers_trace()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        await _gateway.Client.SendAsync(request);

        var traceparent = Assert.Single(_sidecar.Received).Headers["traceparent"];
        Assert.Equal(traceId, traceparent.Split('-')[1]);
        Assert.NotEqual("b7ad6b7169203331", traceparent.Split('-')[2]);
    }

    [Fact]
    public async Task The_apps_status_headers_and_body_come_back_verbatim_minus_dapr_and_hop_by_hop_headers()
    {
        _sidecar.Respond = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            context.Response.ContentType = "application/problem+json";
            context.Response.Headers["ETag"] = "\"7\"";
            context.Response.Headers["X-Cart-Id"] = "cart-7";
            context.Response.Headers["dapr-internal-detail"] = "leak";
            await context.Response.WriteAsync("""{"status":409}""");
        };

        var response = await _gateway.Client.GetAsync("/api/cart/items");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"7\"", response.Headers.ETag?.ToString());
        Assert.Equal("cart-7", response.Headers.GetValues("X-Cart-Id").Single());
        Assert.False(response.Headers.Contains("dapr-internal-detail"));
        Assert.Equal("""{"status":409}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sidecar_that_cannot_reach_the_app_is_a_502_problem_that_does_not_leak_dapr_internals()
    {
        _sidecar.Respond = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_DIRECT_INVOKE", message = "fail to invoke, id: identity, err: couldn't find service: identity" });
        };

        var response = await _gateway.Client.GetAsync("/api/identity/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("identity", body);
        Assert.DoesNotContain("ERR_DIRECT_INVOKE", body);
    }

    [Theory]
    [InlineData(500, "application/problem+json", """{"status":500,"title":"boom"}""")]
    [InlineData(404, "application/json", """{"reason":"no such thing"}""")]
    [InlineData(409, "application/json", """{"errorCode":"OUT_OF_STOCK"}""")]
    [InlineData(400, "application/json", "not json at all")]
    public async Task Error_answers_of_the_app_itself_pass_through_unchanged(int status, string contentType, string body)
    {
        _sidecar.Respond = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };

        var response = await _gateway.Client.GetAsync("/api/catalog/products");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_response_body_streams_before_the_app_has_finished_it()
    {
        var secondChunkMayGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sidecar.Respond = async context =>
        {
            await context.Response.WriteAsync("first;");
            await context.Response.Body.FlushAsync();
            await secondChunkMayGo.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await context.Response.WriteAsync("second");
        };

        using var response = await _gateway.Client.GetAsync("/api/catalog/export", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte["first;".Length];
        await body.ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        secondChunkMayGo.SetResult();

        Assert.Equal("first;", Encoding.UTF8.GetString(buffer));
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
    }

    [Fact]
    public async Task A_correlation_id_is_generated_forwarded_and_echoed()
    {
        var response = await _gateway.Client.GetAsync("/api/catalog/products");

        var echoed = response.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.True(Guid.TryParse(echoed, out _));
        Assert.Equal(echoed, Assert.Single(_sidecar.Received).Headers[CorrelationId.HeaderName]);
    }

    [Fact]
    public async Task A_callers_correlation_id_is_kept_end_to_end()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add(CorrelationId.HeaderName, "checkout-42");

        var response = await _gateway.Client.SendAsync(request);

        Assert.Equal("checkout-42", response.Headers.GetValues(CorrelationId.HeaderName).Single());
        Assert.Equal("checkout-42", Assert.Single(_sidecar.Received).Headers[CorrelationId.HeaderName]);
    }

    [Theory]
    [InlineData("/api/unknown/products", HttpStatusCode.NotFound)]
    [InlineData("/api/gateway/products", HttpStatusCode.NotFound)]
    [InlineData("/api/notification/events/product-created", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog/dapr/subscribe", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog", HttpStatusCode.NotFound)]
    [InlineData("/api/catalog/products%2F1", HttpStatusCode.BadRequest)]
    public async Task Refused_routes_are_problems_with_a_correlation_id_and_never_reach_the_sidecar(string path, HttpStatusCode expectedStatus)
    {
        var response = await _gateway.Client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, expectedStatus);
        Assert.True(response.Headers.Contains(CorrelationId.HeaderName));
        Assert.Empty(_sidecar.Received);
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("OPTIONS")]
    [InlineData("PROPFIND")]
    public async Task Methods_outside_a_rest_api_are_405_problems(string method)
    {
        var response = await _gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/catalog/products"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("PATCH", response.Content.Headers.Allow);
        Assert.Empty(_sidecar.Received);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/favicon.ico")]
    [InlineData("/dapr/config")]
    public async Task Paths_outside_api_are_404_problems_for_public_callers_not_token_challenges(string path)
    {
        var response = await _gateway.Client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(_sidecar.Received);
    }

    [Fact]
    public async Task The_sidecars_own_callbacks_still_demand_the_app_api_token()
    {
        var response = await _gateway.Client.GetAsync("/dapr/subscribe");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Rest_methods_are_forwarded_as_they_came(string method)
    {
        await _gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/catalog/products"));

        Assert.Equal(method, Assert.Single(_sidecar.Received).Method);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        await using var gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, maxRequestBodySize: 1024);

        var response = await gateway.Client.PostAsync("/api/catalog/products", new ByteArrayContent(new byte[4096]));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_default_limit_lets_one_mebibyte_through_and_refuses_a_byte_more()
    {
        const int oneMebibyte = 1024 * 1024;

        var atTheLimit = await _gateway.Client.PostAsync("/api/catalog/products", new ByteArrayContent(new byte[oneMebibyte]));
        var overTheLimit = await _gateway.Client.PostAsync("/api/catalog/products", new ByteArrayContent(new byte[oneMebibyte + 1]));

        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.Equal(oneMebibyte, Assert.Single(_sidecar.Received).Body.Length);
        await ProblemAssert.IsProblemAsync(overTheLimit, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem()
    {
        await using var gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, maxRequestBodySize: 1024);
        var content = new StreamContent(new MemoryStream(new byte[4096]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/catalog/products") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await gateway.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_unreachable_sidecar_is_a_502_problem()
    {
        await using var gateway = await GatewayHost.StartAsync(new Uri("http://127.0.0.1:1"));

        var response = await gateway.Client.GetAsync("/api/catalog/products");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
    }
}
