namespace DaprShop.Contracts.Cart;

/// <summary>
/// Identity's call to cart when a login carries <see cref="CartHeaders.CartId"/>:
/// <c>POST /internal/carts/merge</c> on cart (caller must be identity). Idempotent: a second merge of the same guest
/// cart finds it empty.
/// </summary>
public sealed record MergeGuestCart(string GuestCartId, Guid UserId);
