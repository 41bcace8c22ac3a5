namespace DaprShop.Cart;

/// <summary>Configuration section <c>Cart</c>: how long a cart may sit untouched before it is dropped.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    public TimeSpan GuestIdleTimeout { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan UserIdleTimeout { get; set; } = TimeSpan.FromDays(30);
}
