using DaprShop.Actors;
using DaprShop.Catalog.Admin;
using DaprShop.Catalog.Api;
using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Events;
using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.Catalog.Startup;
using DaprShop.Contracts;
using DaprShop.SeedData;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>Catalog's services, with the transactional outbox for product events (map its actor with <c>MapActorsHandlers</c>).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new CategoryTree(SeedCatalog.Categories.Select(category => new Category(category.Slug, category.Name, category.ParentSlug))));
        services.AddSingleton<ProductSearchIndex>();
        services.AddSingleton<ProductStore>();
        services.AddSingleton<StockLevelStore>();
        services.AddSingleton<CatalogSeeder>();
        services.AddSingleton<ProductAdministration>();
        services.AddTransactionalOutbox(ComponentNames.StateStore, AppIds.Catalog);
        services.AddSingleton<StockChangedHandler>();
        services.AddSingleton<ProductChangedHandler>();
        services.AddHostedService<SearchIndexLoader>();
        services.AddHealthChecks().AddCheck<SearchIndexReadiness>("search-index");
        services.AddValidatorsFromAssemblyContaining<ProductRequestValidator>();
        return services;
    }
}
