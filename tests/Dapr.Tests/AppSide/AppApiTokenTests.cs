using System.Net;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr.Tests.AppSide;

public sealed class AppApiTokenTests
{
    private const string Token = "app-token-0123456789";

    private static Task<LoopbackApp> StartAsync(string? appApiToken) => TestApp.StartAsync(
        app =>
        {
            app.MapGet("/internal", () => Results.Ok("internal"));
            app.MapGet("/public", () => Results.Ok("public")).AllowWithoutDaprAppToken();
            app.MapPost("/events/orders", () => TopicResults.Success()).WithTopic("pubsub", "orders");
        },
        new Dictionary<string, string?> { ["APP_API_TOKEN"] = appApiToken });

    private static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        return request;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(Token + "x")]
    [InlineData("")]
    public async Task A_request_without_the_right_token_is_a_401_problem(string? presentedToken)
    {
        await using var app = await StartAsync(Token);

        var response = await app.Client.SendAsync(Get("/internal", presentedToken));

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(Token, problem.GetRawText());
    }

    [Fact]
    public async Task A_request_with_the_right_token_reaches_the_endpoint()
    {
        await using var app = await StartAsync(Token);

        var response = await app.Client.SendAsync(Get("/internal", Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"internal\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_subscription_list_is_protected_like_any_other_app_endpoint()
    {
        await using var app = await StartAsync(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(Get("/dapr/subscribe", null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(Get("/dapr/subscribe", Token))).StatusCode);
    }

    [Theory]
    [InlineData("/public")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task Opted_out_endpoints_health_and_api_documentation_need_no_token(string path)
    {
        await using var app = await StartAsync(Token);

        var response = await app.Client.SendAsync(Get(path, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_needs_no_token_either()
    {
        await using var app = await StartAsync(Token);

        var response = await app.Client.SendAsync(Get("/readyz", null));

        // No sidecar in this test: not ready, but not rejected for the missing token.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_api_token_configured_nothing_is_enforced()
    {
        await using var app = await StartAsync(appApiToken: null);

        var response = await app.Client.SendAsync(Get("/internal", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
