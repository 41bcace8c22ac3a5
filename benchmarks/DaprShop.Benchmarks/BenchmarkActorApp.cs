using System.Net;
using DaprShop.Actors;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DaprShop.Benchmarks;

/// <summary>
/// The actor host (<c>serve-actor-app</c> mode): a Kestrel app hosting <see cref="BenchmarkActor"/> with the actor
/// library, as a DaprShop service hosts its actors, calling its sidecar (whose HTTP port it is given) for state.
/// </summary>
public static class BenchmarkActorApp
{
    public const string AppId = "bench-actors";
    public const string ServeMode = "serve-actor-app";

    private static readonly string[] Flags = ["--dapr-http-port"];

    public static async Task<int> ServeAsync(IReadOnlyList<string> arguments)
    {
        var daprHttpPort = new CommandLine(arguments, Flags).RequiredInt("--dapr-http-port", minimum: 1);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ChildLogging.Configure(builder.Logging);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddActors(options =>
        {
            options.Actors.RegisterActor<BenchmarkActor>(BenchmarkActor.TypeName);
            options.HttpEndpoint = $"http://127.0.0.1:{daprHttpPort}";
        });
        var app = builder.Build();
        app.UseRouting();
        app.MapActorsHandlers();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        await ChildProtocol.ServeUntilParentLeavesAsync(port, internalPort: null);
        await app.StopAsync();
        return 0;
    }
}
