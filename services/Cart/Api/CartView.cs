using DaprShop.Cart.Domain;
using DaprShop.Cart.Lookups;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;

namespace DaprShop.Cart.Api;

/// <summary>The cart as the shopper sees it: each line priced against the catalogue now.</summary>
/// <param name="Subtotals">One per currency of the line totals (one, unless the catalogue repriced a line in another currency).</param>
/// <param name="ItemCount">Units across all lines.</param>
public sealed record CartView(IReadOnlyList<CartLineView> Lines, IReadOnlyList<Money> Subtotals, int ItemCount)
{
    /// <param name="current">The catalogue's answer for each line, in the order of <paramref name="lines"/>.</param>
    public static CartView Create(IReadOnlyList<CartLine> lines, IReadOnlyList<Lookup<CatalogVariant>> current)
    {
        var views = lines.Select((line, index) => CartLineView.Create(line, current[index].Value)).ToArray();
        var subtotals = views
            .GroupBy(view => view.LineTotal.Currency, StringComparer.Ordinal)
            .Select(group => new Money(group.Sum(view => view.LineTotal.Amount), group.Key))
            .ToArray();
        return new CartView(views, subtotals, views.Sum(view => view.Quantity));
    }
}

/// <param name="UnitPrice">The price snapshot taken when the shopper last added or set this line.</param>
/// <param name="CurrentPrice">The catalogue's price now; null when the catalogue could not say (SKU gone, catalog unreachable).</param>
/// <param name="PriceChanged">The catalogue price differs from the snapshot.</param>
/// <param name="Archived">The product is no longer sold; checkout will refuse the line.</param>
/// <param name="LineTotal">Quantity at the current price, or at the snapshot when there is no current price: what checkout would charge.</param>
public sealed record CartLineView(
    string Sku, string ProductName, IReadOnlyDictionary<string, string> Options, int Quantity, Money UnitPrice, Money? CurrentPrice,
    bool PriceChanged, bool Archived, Money LineTotal)
{
    public static CartLineView Create(CartLine line, CatalogVariant? current)
    {
        var price = current?.Price ?? line.UnitPrice;
        return new CartLineView(
            line.Sku, line.ProductName, line.Options, line.Quantity, line.UnitPrice, current?.Price,
            PriceChanged: current is not null && current.Price != line.UnitPrice,
            Archived: current?.Archived == true,
            new Money(price.Amount * line.Quantity, price.Currency));
    }
}
