using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using DaprShop.Dapr;
using DaprShop.Ordering.Domain;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Checkout.Activities;

/// <summary>Empties the shopper's cart after payment, unless they changed it since checkout (cart compares the revision).</summary>
internal sealed class ClearCartActivity(OrderStore orders, DaprClient dapr) : OrderActivity<bool>(orders)
{
    protected override async Task<bool> RunAsync(Order order)
    {
        await dapr.InvokeMethodAsync(AppIds.Cart, $"internal/carts/{order.UserId}/clear", new ClearCheckedOutCart(order.CartRevision));
        return true;
    }
}
