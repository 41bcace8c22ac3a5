using DaprShop.Dapr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprShop.Actors;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TransactionalOutbox"/> over the state store <paramref name="storeName"/> and hosts its
    /// actor type, <c>outbox.{appId}</c>, whose reminders retry publishing. The app maps the actor endpoints
    /// (<c>app.MapActorsHandlers()</c>), needs a <see cref="DaprClient"/> (ServiceDefaults registers it) and an actor
    /// state store component; tune <see cref="OutboxOptions"/> with <c>services.Configure</c>.
    /// </summary>
    public static IServiceCollection AddTransactionalOutbox(this IServiceCollection services, string storeName, string appId)
    {
        var actorTypeName = TransactionalOutbox.ActorTypeNameFor(appId);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().Configure(options => options.StoreName = storeName);
        services.AddSingleton(provider => new TransactionalOutbox(
            actorTypeName,
            provider.GetRequiredService<DaprClient>(),
            provider.GetRequiredService<ActorSidecarClient>(),
            provider.GetRequiredService<IOptions<OutboxOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TransactionalOutbox>>()));
        services.AddActors(actors => actors.Actors.RegisterActor<OutboxActor>(actorTypeName));
        return services;
    }
}
