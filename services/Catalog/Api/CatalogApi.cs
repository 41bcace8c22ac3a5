using DaprShop.Catalog.Events;

namespace DaprShop.Catalog.Api;

public static class CatalogApi
{
    /// <summary>Every endpoint of catalog: products (browse, search, admin), categories, variants, and the topic subscriptions.</summary>
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapProductsApi().MapCategoriesApi().MapVariantsApi().MapCatalogEventSubscriptions();
}
