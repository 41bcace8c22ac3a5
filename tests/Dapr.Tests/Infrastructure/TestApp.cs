using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Dapr.Tests.Infrastructure;

/// <summary>
/// A real Kestrel app on a free loopback port, built exactly like a DaprShop service
/// (<c>AddServiceDefaults</c> → <c>UseServiceDefaults</c> → endpoints), driven over HTTP.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Configuration as a service would get it from its environment (APP_API_TOKEN, DAPR_HTTP_ENDPOINT, ...).</param>
    public static async Task<TestApp> StartAsync(
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var app = Build(mapEndpoints, settings, configureBuilder);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestApp(app, new Uri(address));
    }

    public static WebApplication Build(
        Action<WebApplication> mapEndpoints,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(TestApp).Assembly.GetName().Name,
        });
        var effectiveSettings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            // Nothing listens on port 1: readiness fails unless a test points this at a sidecar.
            ["DAPR_HTTP_ENDPOINT"] = "http://127.0.0.1:1",
            ["LOG_LEVEL"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) effectiveSettings[key] = value;
        builder.Configuration.AddInMemoryCollection(effectiveSettings);

        builder.AddServiceDefaults();
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.UseServiceDefaults();
        mapEndpoints(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
