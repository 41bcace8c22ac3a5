using DaprShop.Actors;

namespace DaprShop.Benchmarks;

/// <summary>
/// A child app that hosts actors as a DaprShop service does (<c>AddActors</c>, routing, <c>MapActorsHandlers</c>)
/// on a free loopback port, calling its sidecar — whose HTTP port it is given with <c>--dapr-http-port</c> — for
/// actor state and reminders.
/// </summary>
public static class ActorHostApp
{
    private static readonly string[] Flags = ["--dapr-http-port"];

    /// <param name="registerActors">Adds the actor types (<c>AddActors</c> calls compose) and what they need.</param>
    public static async Task<int> ServeAsync(IReadOnlyList<string> arguments, Action<IServiceCollection> registerActors)
    {
        var daprHttpPort = new CommandLine(arguments, Flags).RequiredInt("--dapr-http-port", minimum: 1);
        var builder = ChildWebApp.CreateBuilder();
        builder.Services.AddActors(options => options.HttpEndpoint = $"http://127.0.0.1:{daprHttpPort}");
        registerActors(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        app.MapActorsHandlers();
        return await ChildWebApp.ServeUntilParentLeavesAsync(app);
    }
}
