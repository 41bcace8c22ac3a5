namespace DaprShop.Contracts;

/// <summary>Pub/sub topic names, defined once for publishers and subscribers alike.</summary>
public static class Topics
{
    /// <summary>Carries <see cref="ProductCreated"/>.</summary>
    public const string ProductCreated = "product-created";
}
