using DaprShop.Cart.Domain;
using DaprShop.Contracts.Catalog;

namespace DaprShop.Cart.Actors;

// The arguments and results of ICartActor's methods, as they travel through the sidecar.

public sealed record CartContents(IReadOnlyList<CartLine> Lines, Guid Revision);

/// <summary>A line to add or set, with the catalogue's variant and the stock inventory reports as available for it.</summary>
public sealed record CartItemChange(CatalogVariant Variant, int Quantity, int Available);

/// <summary>The cart after the change, or as it was with the <see cref="Rejection"/> that refused the change.</summary>
public sealed record CartChange(CartContents Contents, CartRejection? Rejection);

public sealed record GuestCartToMerge(string GuestCartId, Guid Revision, IReadOnlyList<CartLine> Lines);
