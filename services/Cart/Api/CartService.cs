using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Domain;
using DaprShop.Cart.Lookups;
using DaprShop.Contracts.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Cart.Api;

/// <summary>
/// What the public endpoints do: look up the SKU in catalog and inventory, let the cart actor apply its rules, and
/// answer with the cart priced against the catalogue now.
/// </summary>
public sealed class CartService(IActorProxyFactory actors, CatalogLookups catalogue)
{
    public async Task<CartView> GetAsync(CartAddress address, CancellationToken cancellationToken) =>
        await ViewAsync((await address.Actor(actors).GetAsync()).Lines, cancellationToken);

    /// <param name="apply">The actor method that applies the change (add, or set the quantity).</param>
    public async Task<Results<Ok<CartView>, ProblemHttpResult>> ChangeItemAsync(
        CartAddress address, string sku, int quantity, Func<ICartActor, CartItemChange, Task<CartChange>> apply, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var variantLookup = catalogue.FindVariantAsync(sku, cancellationToken);
        var stockLookup = catalogue.FindStockAsync(sku, cancellationToken);
        await Task.WhenAll(variantLookup, stockLookup);
        var (variant, stock) = (variantLookup.Result, stockLookup.Result);

        if (variant.Status == LookupStatus.NotFound) return CartProblems.UnknownSku(sku);
        if (variant.Value is null || stock.Status == LookupStatus.Unavailable) return CartProblems.CatalogueUnavailable(context);

        // Inventory answers zero for a SKU it never stocked; a 404 means the same.
        var change = await apply(address.Actor(actors), new CartItemChange(variant.Value, quantity, stock.Value?.Available ?? 0));
        return change.Rejection is { } rejection
            ? CartProblems.For(rejection)
            : TypedResults.Ok(await ViewAsync(change.Contents.Lines, cancellationToken, variant.Value));
    }

    public async Task<CartView> RemoveItemAsync(CartAddress address, string sku, CancellationToken cancellationToken) =>
        await ViewAsync((await address.Actor(actors).RemoveItemAsync(sku)).Lines, cancellationToken);

    public async Task<CartView> ClearAsync(CartAddress address, CancellationToken cancellationToken) =>
        await ViewAsync((await address.Actor(actors).ClearAsync()).Lines, cancellationToken);

    /// <param name="justLookedUp">A variant read from catalog for this request already, which is not asked for again.</param>
    private async Task<CartView> ViewAsync(IReadOnlyList<CartLine> lines, CancellationToken cancellationToken, CatalogVariant? justLookedUp = null) =>
        CartView.Create(lines, await Task.WhenAll(lines.Select(line => line.Sku == justLookedUp?.Sku
            ? Task.FromResult(Lookup<CatalogVariant>.Found(justLookedUp))
            : catalogue.FindVariantAsync(line.Sku, cancellationToken))));
}
