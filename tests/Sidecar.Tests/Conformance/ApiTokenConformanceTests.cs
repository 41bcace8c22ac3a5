using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>
/// Two sidecars started with DAPR_API_TOKEN: conf-t also has APP_API_TOKEN, conf-u has none. Each has its own app.
/// </summary>
public sealed class ApiTokenFixture : IAsyncLifetime
{
    internal const string ApiToken = "conf-api-token";
    internal const string AppToken = "conf-app-token";
    internal const string Topic = "tokened";

    private readonly TempDirectory _directory = new("token");
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _started = [];

    internal RecordingApp AppOfT { get; private set; } = null!;
    internal RecordingApp AppOfU { get; private set; } = null!;
    internal SidecarUnderTest T { get; private set; } = null!;
    internal SidecarUnderTest U { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory.Write("resources/pubsub.yaml", ResourceYaml.Component("pubsub", "pubsub.in-memory"));
        var resources = Path.Combine(_directory.Path, "resources");
        var subscriptions = JsonSerializer.Serialize(new[] { new { pubsubname = "pubsub", topic = Topic, route = "/tokened" } });
        try
        {
            AppOfT = Track(await RecordingApp.StartAsync("app-t", subscriptions));
            AppOfU = Track(await RecordingApp.StartAsync("app-u"));
            T = Track(await SidecarUnderTest.StartAsync(new SidecarOptions
            {
                AppId = "conf-t", AppPort = AppOfT.Port, ResourcesPaths = [resources], ApiToken = ApiToken, AppApiToken = AppToken,
            }, _shared));
            U = Track(await SidecarUnderTest.StartAsync(new SidecarOptions
            {
                AppId = "conf-u", AppPort = AppOfU.Port, ResourcesPaths = [resources], ApiToken = ApiToken,
            }, _shared));
            await Task.WhenAll(T.WaitUntilReadyAsync(), U.WaitUntilReadyAsync());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private TDisposable Track<TDisposable>(TDisposable started) where TDisposable : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    public async Task DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started)) await started.DisposeAsync();
        _started.Clear();
        await _shared.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>API token authentication, reference §0.4 (and §1.2 for what the app receives).</summary>
public sealed class ApiTokenConformanceTests(ApiTokenFixture fixture) : IClassFixture<ApiTokenFixture>
{
    private static readonly Dictionary<string, string> CorrectToken = new() { ["dapr-api-token"] = ApiTokenFixture.ApiToken };

    /// <summary>One request per HTTP API of daprd (method, path, JSON body or null).</summary>
    public static TheoryData<string, string, string?> Apis => new()
    {
        { "POST", "/v1.0/invoke/conf-t/method/anything", "{}" },
        { "GET", "/v1.0/state/statestore/key", null },
        { "POST", "/v1.0/state/statestore", """[{"key":"k","value":1}]""" },
        { "DELETE", "/v1.0/state/statestore/key", null },
        { "POST", "/v1.0/state/statestore/bulk", """{"keys":["k"]}""" },
        { "POST", "/v1.0/state/statestore/transaction", """{"operations":[]}""" },
        { "POST", "/v1.0/publish/pubsub/tokened", "{}" },
        { "POST", "/v1.0/bindings/files", """{"operation":"list"}""" },
        { "GET", "/v1.0/secrets/localsecrets/x", null },
        { "GET", "/v1.0/secrets/localsecrets/bulk", null },
        { "GET", "/v1.0/metadata", null },
        { "PUT", "/v1.0/metadata/tokenKey", "v" },
        { "POST", "/v1.0/shutdown", null },
        { "GET", "/some/app/path", null },     // header-addressed invocation fallback
    };

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Api_WithoutToken_Returns401InvalidApiToken(string method, string path, string? body)
    {
        var response = await fixture.T.SendAsync(new HttpMethod(method), path, Body(body));

        AssertRejected(response);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Api_WithWrongToken_Returns401InvalidApiToken(string method, string path, string? body)
    {
        var response = await fixture.T.SendAsync(new HttpMethod(method), path, Body(body), new Dictionary<string, string> { ["dapr-api-token"] = "wrong" });

        AssertRejected(response);
    }

    private static HttpContent? Body(string? body) => body is null ? null : SidecarUnderTest.Content(body, "application/json");

    private static void AssertRejected(ApiResponse response)
    {
        // §0.4: 401 with the text body "invalid api token".
        DaprAssert.Status(response, 401);
        Assert.Equal("invalid api token", response.Text.Trim());
    }

    [Theory]
    [InlineData("/v1.0/healthz")]
    [InlineData("/v1.0/healthz/outbound")]
    public async Task Healthz_WithoutToken_IsExempt(string path)
    {
        DaprAssert.NoContent(await fixture.T.GetAsync(path));
    }

    [Fact]
    public async Task Api_WithCorrectToken_IsServed()
    {
        var metadata = DaprAssert.Json(await fixture.T.GetAsync("/v1.0/metadata", CorrectToken));

        Assert.Equal("conf-t", DaprAssert.String(metadata, "id"));
    }

    [Fact]
    public async Task Invoke_WithAppApiToken_AppReceivesItAsDaprApiTokenInsteadOfTheCallersToken()
    {
        // §0.4: APP_API_TOKEN reaches the app as dapr-api-token; the caller's dapr-api-token is consumed by daprd.
        var method = $"token-{Guid.NewGuid():N}";
        DaprAssert.Status(await fixture.T.GetAsync($"/v1.0/invoke/conf-t/method/{method}", CorrectToken), 200);

        var received = await fixture.AppOfT.WaitForAsync(r => r.Path == "/" + method, "invocation");
        Assert.Equal([ApiTokenFixture.AppToken], received.Headers["dapr-api-token"]);
    }

    [Fact]
    public async Task Invoke_WithoutAppApiToken_AppReceivesNoDaprApiToken()
    {
        // §1.2: dapr-api-token is consumed by daprd, not forwarded; conf-u has no APP_API_TOKEN to add.
        var method = $"notoken-{Guid.NewGuid():N}";
        DaprAssert.Status(await fixture.U.GetAsync($"/v1.0/invoke/conf-u/method/{method}", CorrectToken), 200);

        var received = await fixture.AppOfU.WaitForAsync(r => r.Path == "/" + method, "invocation");
        Assert.False(received.HasHeader("dapr-api-token"), "the caller's API token must not reach the app");
    }

    [Fact]
    public async Task AppApiToken_IsSentOnConfigAndSubscribeCalls()
    {
        // §0.4: APP_API_TOKEN on every call daprd makes to the app, /dapr/config and /dapr/subscribe included.
        var config = await fixture.AppOfT.WaitForAsync(r => r.Path == "/dapr/config", "GET /dapr/config");
        var subscribe = await fixture.AppOfT.WaitForAsync(r => r.Path == "/dapr/subscribe", "GET /dapr/subscribe");

        Assert.Equal(ApiTokenFixture.AppToken, config.Header("dapr-api-token"));
        Assert.Equal(ApiTokenFixture.AppToken, subscribe.Header("dapr-api-token"));
    }

    [Fact]
    public async Task AppApiToken_IsSentOnPubSubDeliveries()
    {
        var marker = Guid.NewGuid().ToString("N");
        DaprAssert.NoContent(await fixture.T.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/pubsub/{ApiTokenFixture.Topic}", SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"), CorrectToken));

        var delivery = await fixture.AppOfT.WaitForAsync(r => r.Path == "/tokened" && r.BodyContains(marker), "delivery");
        Assert.Equal(ApiTokenFixture.AppToken, delivery.Header("dapr-api-token"));
    }
}
