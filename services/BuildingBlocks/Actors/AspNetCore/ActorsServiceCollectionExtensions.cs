using DaprShop.Dapr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

public static class ActorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the actor runtime for the types in <c>options.Actors</c> and an <see cref="IActorProxyFactory"/>
    /// over the app's sidecar (DAPR_HTTP_ENDPOINT / DAPR_HTTP_PORT and DAPR_API_TOKEN from the app's configuration
    /// unless the options name them). Map the endpoints daprd calls with <c>app.MapActorsHandlers()</c>.
    /// </summary>
    /// <remarks>
    /// Calls compose, as Dapr.Actors' AddActors configures one options instance: a library (the workflow engine)
    /// and the app may each register their actor types.
    /// </remarks>
    public static IServiceCollection AddActors(this IServiceCollection services, Action<ActorRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        if (services.FirstOrDefault(service => service.ServiceType == typeof(ActorRuntimeOptions) && !service.IsKeyedService)?.ImplementationInstance
            is ActorRuntimeOptions existing)
        {
            configure(existing);
            return services;
        }

        var options = new ActorRuntimeOptions();
        configure(options);

        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetService<IConfiguration>();
            return new ActorSidecarClient(
                new Uri(options.HttpEndpoint ?? DaprDefaults.GetDefaultHttpEndpoint(configuration), UriKind.Absolute),
                options.DaprApiToken ?? DaprDefaults.GetDefaultDaprApiToken(configuration),
                options.RequestTimeout);
        });
        services.AddSingleton<IActorProxyFactory>(provider =>
            new ActorProxyFactory(provider.GetRequiredService<ActorSidecarClient>(), options.JsonSerializerOptions));
        services.AddSingleton(provider => new ActorHostFactory(
            provider.GetRequiredService<ActorSidecarClient>(),
            provider.GetRequiredService<IActorProxyFactory>(),
            provider.GetRequiredService<ILoggerFactory>(),
            options.JsonSerializerOptions));
        services.AddSingleton<ActorRuntime>();
        return services;
    }
}
