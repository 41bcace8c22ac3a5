namespace DaprShop.Cart.Domain;

public enum CartRejectionReason
{
    Archived,
    CurrencyMismatch,
    QuantityLimit,
    LineLimit,
    OutOfStock,
    NotInCart,
}

/// <summary>Why a change was refused; the cart is left as it was. <paramref name="Available"/> is set for <see cref="CartRejectionReason.OutOfStock"/>.</summary>
public sealed record CartRejection(CartRejectionReason Reason, string Detail, int? Available = null);
