namespace DaprShop.Contracts.Cart;

public static class CartHeaders
{
    /// <summary>
    /// Addresses a guest cart. Cart returns it on the first response for a guest; the client sends it back on every
    /// cart call, and with its login so identity can have the guest cart merged into the user's cart.
    /// </summary>
    public const string CartId = "X-Cart-Id";
}
