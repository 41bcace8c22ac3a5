using DaprShop.Gateway.Api;
using DaprShop.Gateway.Correlation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Gateway.Tests;

/// <summary>The gateway composed as its Program.cs does, on a free loopback port, talking to the given sidecar.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string DaprApiToken = "gateway-to-sidecar-token";
    public const string AppApiToken = "sidecar-to-gateway-token";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<GatewayHost> StartAsync(Uri sidecarEndpoint, long maxRequestBodySize = 1024 * 1024)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["DAPR_HTTP_ENDPOINT"] = sidecarEndpoint.ToString(),
            ["DAPR_API_TOKEN"] = DaprApiToken,
            // Set so that the test proves the public routes do not demand it.
            ["APP_API_TOKEN"] = AppApiToken,
            ["LOG_LEVEL"] = "Error",
            ["ServiceDefaults:MaxRequestBodySize"] = maxRequestBodySize.ToString(),
        });
        builder.AddServiceDefaults();
        builder.Services.AddGateway();

        var app = builder.Build();
        app.UseCorrelationId();
        app.UseServiceDefaults();
        app.MapGatewayApi();
        await app.StartAsync();

        return new GatewayHost(app, new HttpClient { BaseAddress = ListeningAddress.Of(app) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
