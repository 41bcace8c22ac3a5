using DaprShop.Catalog.Api;
using DaprShop.Catalog.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Catalog;

public static class CatalogServiceCollectionExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProductStore>();
        services.AddValidatorsFromAssemblyContaining<CreateProductRequestValidator>();
        return services;
    }
}
