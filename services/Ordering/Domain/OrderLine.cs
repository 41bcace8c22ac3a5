using DaprShop.Contracts;

namespace DaprShop.Ordering.Domain;

/// <summary>One SKU ordered, priced as the catalogue priced it at checkout (VAT included).</summary>
public sealed record OrderLine(string Sku, string ProductName, IReadOnlyDictionary<string, string> Options, int Quantity, Money UnitPrice)
{
    public Money LineTotal => new(UnitPrice.Amount * Quantity, UnitPrice.Currency);
}
