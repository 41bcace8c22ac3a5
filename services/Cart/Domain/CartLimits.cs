namespace DaprShop.Cart.Domain;

/// <summary>How much one cart may hold; checkout and the stock actors are sized with these in mind.</summary>
public static class CartLimits
{
    public const int MinQuantityPerLine = 1;
    public const int MaxQuantityPerLine = 10;
    public const int MaxLines = 50;
}
