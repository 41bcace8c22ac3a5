using DaprShop.Ordering.Events;

namespace DaprShop.Ordering.Api;

/// <summary>Everything ordering serves: checkout, the shopper's and the admin's order endpoints, and the payment events.</summary>
public static class OrderingApi
{
    public static IEndpointRouteBuilder MapOrderingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCheckoutApi();
        endpoints.MapOrdersApi();
        endpoints.MapAdminOrdersApi();
        endpoints.MapEventSubscriptions();
        return endpoints;
    }
}
