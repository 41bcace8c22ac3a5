using DaprShop.Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Actors.Tests;

public sealed class ActorRegistrationTests
{
    [Fact]
    public void AddActors_calls_compose_so_a_library_and_the_app_can_both_register_actors()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddActors(options => options.Actors.RegisterActor<PlainActor>());
        services.AddActors(options => options.Actors.RegisterActor<CounterActor>(CounterActor.TypeName));

        using var provider = services.BuildServiceProvider();

        Assert.Equal(["PlainActor", "counter"], provider.GetRequiredService<ActorRuntime>().ActorTypeNames.Order(StringComparer.Ordinal));
        Assert.NotNull(provider.GetRequiredService<IActorProxyFactory>());
    }

    [Fact]
    public void The_static_proxy_factory_builds_typed_proxies_without_calling_anything() =>
        Assert.IsAssignableFrom<ICounterActor>(ActorProxy.Create<ICounterActor>(new ActorId("x"), CounterActor.TypeName));
}
