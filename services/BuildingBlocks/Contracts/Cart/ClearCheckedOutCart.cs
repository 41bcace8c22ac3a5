namespace DaprShop.Contracts.Cart;

/// <summary>
/// Ordering's call after a paid checkout: cart's <c>POST /internal/carts/{userId}/clear</c>. Clears the cart only while
/// it is still at <paramref name="Revision"/> (the <see cref="CartSnapshot"/> that was checked out), so lines the shopper
/// added since survive; a repeated call finds another revision and changes nothing.
/// </summary>
public sealed record ClearCheckedOutCart(Guid Revision);
