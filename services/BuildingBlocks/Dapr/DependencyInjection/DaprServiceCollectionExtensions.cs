using DaprShop.Dapr;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class DaprServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="DaprClient"/> for the app (as Dapr.AspNetCore's AddDaprClient). It is a singleton over
    /// the process-wide pooled connection to the sidecar, so inject it freely.
    /// </summary>
    public static IServiceCollection AddDaprClient(this IServiceCollection services, Action<DaprClientBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(_ =>
        {
            var builder = new DaprClientBuilder();
            configure?.Invoke(builder);
            return builder.Build();
        });
        return services;
    }
}
