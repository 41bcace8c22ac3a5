using DaprShop.Actors;

namespace DaprShop.Benchmarks;

/// <summary>The actor host of the <c>actors</c> command (<c>serve-actor-app</c> mode): <see cref="BenchmarkActor"/> and nothing else.</summary>
public static class BenchmarkActorApp
{
    public const string AppId = "bench-actors";
    public const string ServeMode = "serve-actor-app";

    public static Task<int> ServeAsync(IReadOnlyList<string> arguments) =>
        ActorHostApp.ServeAsync(arguments, services => services.AddActors(options => options.Actors.RegisterActor<BenchmarkActor>(BenchmarkActor.TypeName)));
}
