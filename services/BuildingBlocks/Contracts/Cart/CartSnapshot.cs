namespace DaprShop.Contracts.Cart;

/// <summary>
/// A user's cart as checkout takes it: cart's <c>GET /internal/carts/{userId}</c> (caller must be ordering).
/// <paramref name="Revision"/> names exactly these lines; ordering passes it back to <see cref="ClearCheckedOutCart"/>.
/// </summary>
public sealed record CartSnapshot(Guid Revision, IReadOnlyList<CartSnapshotLine> Lines);

/// <param name="UnitPrice">The catalogue's price now (the line's snapshot when the catalogue could not say): what checkout charges.</param>
/// <param name="Archived">The product is no longer sold; checkout refuses the cart.</param>
public sealed record CartSnapshotLine(
    string Sku, string ProductName, IReadOnlyDictionary<string, string> Options, int Quantity, Money UnitPrice, bool Archived);
