using DaprShop.Contracts;

namespace DaprShop.Cart.Domain;

/// <summary>
/// One SKU in a cart. <paramref name="UnitPrice"/> is the catalogue price snapshot taken the last time the shopper
/// added or set this line, so the cart can tell them when the catalogue price has moved since.
/// </summary>
public sealed record CartLine(string Sku, string ProductName, IReadOnlyDictionary<string, string> Options, int Quantity, Money UnitPrice);
