using System.Net;
using System.Net.Sockets;
using DaprShop.Actors;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Workflow.Tests.EndToEnd;

/// <summary>
/// A real sidecar (SQLite actor state store) and a real Kestrel app hosting the engine's actors, in one process.
/// The app id is unique per run: actor types are published machine-wide and another run must not host ours.
/// </summary>
public sealed class WorkflowEndToEndFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("workflow-e2e").FullName;
    private readonly SharedResources _shared = new();
    private SidecarHost? _sidecar;
    private WebApplication? _app;
    private int _appPort;

    public string AppId { get; } = "workflow-e2e-" + Guid.NewGuid().ToString("N")[..8];
    public DaprWorkflowClient Client => _app!.Services.GetRequiredService<DaprWorkflowClient>();
    public List<string> ActivityCalls { get; } = new();

    public async Task InitializeAsync()
    {
        var resources = Path.Combine(_directory, "resources");
        await TestComponents.WriteActorStateStoreAsync(resources, Path.Combine(_directory, "actors.db"), "actorstore");

        // The sidecar waits for the app port in the background, so it can start first on a port chosen for the app.
        _appPort = FreePort.Next();
        _sidecar = await SidecarHost.StartAsync(
            new SidecarOptions { AppId = AppId, AppPort = _appPort, ResourcesPaths = [resources], DaprHttpPort = 0, DaprInternalPort = 0 },
            _shared, NullLoggerFactory.Instance, CancellationToken.None);

        _app = await StartAppAsync();
        await _sidecar.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Stops the app (its actors and any work in flight) and starts a fresh one on the same port.</summary>
    public async Task RestartAppAsync()
    {
        await _app!.DisposeAsync();
        _app = await StartAppAsync();
    }

    private async Task<WebApplication> StartAppAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _appPort));
        builder.Services.AddActors(options => options.HttpEndpoint = _sidecar!.HttpEndpoint.ToString().TrimEnd('/'));
        builder.Services.AddDaprWorkflow(options =>
        {
            options.AppId = AppId;
            options.RegisterActivity<int, int>("Increment", (context, value) =>
            {
                lock (ActivityCalls)
                {
                    ActivityCalls.Add(context.TaskExecutionKey);
                }
                return Task.FromResult(value + 1);
            });
            options.RegisterWorkflow<int, int>("FiveSteps", async (context, value) =>
            {
                for (var step = 0; step < 5; step++)
                {
                    value = await context.CallActivityAsync<int>("Increment", value);
                }
                return value;
            });
            options.RegisterWorkflow<object?, string>("Approval", (context, _) => context.WaitForExternalEventAsync<string>("Approved"));
            options.RegisterWorkflow<int, int>("Parent", (context, value) => context.CallChildWorkflowAsync<int>("FiveSteps", value));
            options.RegisterWorkflow<int, string>("Nap", async (context, seconds) =>
            {
                await context.CreateTimer(TimeSpan.FromSeconds(seconds));
                return "rested";
            });
        });
        var app = builder.Build();
        app.MapActorsHandlers();
        await app.StartAsync();
        return app;
    }

}
