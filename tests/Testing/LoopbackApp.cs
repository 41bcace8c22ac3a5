using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Testing;

/// <summary>A real Kestrel app on a free loopback port, driven over HTTP by tests.</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private LoopbackApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Builds and starts an app listening on a free loopback port, without console logging.</summary>
    public static Task<LoopbackApp> StartAsync(
        Action<WebApplicationBuilder> configureServices, Action<WebApplication> configurePipeline, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = CreateBuilder(settings);
        builder.Logging.ClearProviders();
        configureServices(builder);
        var app = builder.Build();
        configurePipeline(app);
        return StartAsync(app);
    }

    /// <summary>A builder for an app on a free loopback port; <paramref name="settings"/> act as its environment.</summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? settings = null, string? applicationName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = applicationName });
        var effective = new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) effective[key] = value;
        builder.Configuration.AddInMemoryCollection(effective);
        return builder;
    }

    /// <summary>Starts an app that was built elsewhere and learns the address it listens on.</summary>
    public static async Task<LoopbackApp> StartAsync(WebApplication app)
    {
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
        return new LoopbackApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
