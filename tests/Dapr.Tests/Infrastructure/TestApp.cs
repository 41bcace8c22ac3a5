using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;

namespace DaprShop.Dapr.Tests.Infrastructure;

/// <summary>
/// Apps built exactly like a DaprShop service (<c>AddServiceDefaults</c> → <c>UseServiceDefaults</c> → endpoints),
/// on a free loopback port, driven over HTTP.
/// </summary>
public static class TestApp
{
    /// <param name="settings">Configuration as a service would get it from its environment (APP_API_TOKEN, DAPR_HTTP_ENDPOINT, ...).</param>
    public static Task<LoopbackApp> StartAsync(
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null) =>
        LoopbackApp.StartAsync(Build(mapEndpoints, settings, configureBuilder));

    public static WebApplication Build(
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var effectiveSettings = new Dictionary<string, string?>
        {
            // Nothing listens on port 1: readiness fails unless a test points this at a sidecar.
            ["DAPR_HTTP_ENDPOINT"] = "http://127.0.0.1:1",
            ["LOG_LEVEL"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) effectiveSettings[key] = value;
        var builder = LoopbackApp.CreateBuilder(effectiveSettings, typeof(TestApp).Assembly.GetName().Name);

        builder.AddServiceDefaults();
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.UseServiceDefaults();
        mapEndpoints(app);
        return app;
    }
}
