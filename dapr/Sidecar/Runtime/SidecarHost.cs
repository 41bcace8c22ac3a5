using System.Net;
using DaprShop.Sidecar.Api;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.NameResolution;
using DaprShop.Sidecar.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// One running sidecar: the Dapr HTTP API for one app id. Used by the single-sidecar CLI (daprd flags), by the
/// multi-app runner (many hosts in one process sharing <see cref="SharedResources"/>) and by tests.
/// </summary>
public sealed class SidecarHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly SidecarRuntime _runtime;
    private readonly SidecarStartup _startup;
    private readonly Task _startupTask;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private IDisposable? _registration;
    private int _disposed;

    private SidecarHost(WebApplication web, SidecarRuntime runtime, ILoggerFactory loggerFactory)
    {
        _web = web;
        _runtime = runtime;
        _logger = loggerFactory.CreateLogger("sidecar");
        _startup = new SidecarStartup(runtime, loggerFactory);
        _startupTask = RunStartupAsync();
    }

    /// <summary>
    /// Loads resources, starts serving the HTTP API and returns; the rest of daprd's start-up (wait for the app port,
    /// /dapr/config, subscriptions, input bindings) continues in the background. Await <see cref="WaitUntilReadyAsync"/>
    /// for it. Throws <see cref="SidecarStartException"/> when a resource cannot be loaded.
    /// </summary>
    public static async Task<SidecarHost> StartAsync(
        SidecarOptions options, SharedResources shared, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ResourceSet resources;
        try
        {
            resources = ResourceLoader.Load(options.ResourcesPaths, options.ConfigPath, options.Namespace);
        }
        catch (ResourceException error)
        {
            throw new SidecarStartException(error.Message, error);
        }
        var components = await ComponentRegistry.LoadAsync(resources, options, shared, loggerFactory, cancellationToken);
        var outbound = new HttpMessageInvoker(Api.HttpForwarder.CreateHandler());
        var runtime = new SidecarRuntime(options, resources, components, new LocalRegistry(), outbound);

        var web = BuildWebApplication(options, runtime, loggerFactory);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException error)
        {
            await components.DisposeAsync();
            throw new SidecarStartException($"app {options.AppId}: cannot listen on the Dapr ports ({error.Message})", error);
        }
        var ports = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address).Port).ToList();
        runtime.InternalPort = ports[1];
        var host = new SidecarHost(web, runtime, loggerFactory) { HttpPort = ports[0] };
        host._logger.LogInformation("Dapr HTTP API listening on http://{Address}:{Port} (internal port {InternalPort})",
            options.ListenAddress, host.HttpPort, runtime.InternalPort);
        return host;
    }

    public string AppId => _runtime.Options.AppId;

    /// <summary>Base address of the Dapr HTTP API, e.g. http://127.0.0.1:3500.</summary>
    public Uri HttpEndpoint => new($"http://{(_runtime.Options.ListenAddress is "0.0.0.0" ? "127.0.0.1" : _runtime.Options.ListenAddress)}:{HttpPort}");

    public int HttpPort { get; private init; }

    public int InternalPort => _runtime.InternalPort;

    /// <summary>Completes when GET /v1.0/healthz would answer 204 (app reachable, subscriptions started).</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => _startupTask.WaitAsync(cancellationToken);

    /// <summary>Completes when a client asked for shutdown (POST /v1.0/shutdown).</summary>
    public Task ShutdownRequested => _runtime.ShutdownRequested.Task;

    private async Task RunStartupAsync()
    {
        await Task.Yield();
        await _startup.RunAsync(_stopping.Token);
        // Registered only once ready, so callers never reach an app that is not listening yet.
        _registration = _runtime.NameResolution.Register(_runtime, "127.0.0.1");
    }

    private static WebApplication BuildWebApplication(SidecarOptions options, SidecarRuntime runtime, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(runtime);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodySize;
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.DaprHttpPort);
            kestrel.Listen(IPAddress.Loopback, options.DaprInternalPort);
        });
        var web = builder.Build();
        SidecarPipeline.Configure(web, runtime);
        return web;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _registration?.Dispose();
        await _stopping.CancelAsync();
        try
        {
            await _startupTask;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception error)
        {
            _logger.LogWarning("Start-up ended with an error: {Error}", error.Message);
        }
        // Unregistered above, so no new actor calls are placed here; calls in flight drain before the server stops.
        await _runtime.Actors.StopAsync();
        await _startup.StopAsync();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _web.StopAsync(grace.Token);
        await _web.DisposeAsync();
        await _runtime.Components.DisposeAsync();
        _runtime.Outbound.Dispose();
        _stopping.Dispose();
    }
}

public sealed class SidecarStartException(string message, Exception? inner = null) : Exception(message, inner);
