namespace DaprShop.Cart.Domain;

/// <summary>
/// What a cart actor stores (one state key). <paramref name="Revision"/> is new with every change;
/// <paramref name="MergedGuestCarts"/> remembers the last guest carts merged in, so a repeated merge is a no-op.
/// </summary>
public sealed record CartState(IReadOnlyList<CartLine> Lines, Guid Revision, IReadOnlyList<MergedGuestCart> MergedGuestCarts, DateTimeOffset UpdatedAt);

/// <summary>A guest cart merged into a user cart, at the guest cart's revision when it was merged.</summary>
public sealed record MergedGuestCart(string GuestCartId, Guid Revision);
