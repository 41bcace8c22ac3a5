namespace DaprShop.Contracts;

/// <summary>Pub/sub topic names, defined once for publishers and subscribers alike.</summary>
public static class Topics
{
    /// <summary>Carries <see cref="ProductCreated"/>.</summary>
    public const string ProductCreated = "product-created";

    /// <summary>Catalog: a product's fields, variants or prices changed.</summary>
    public const string ProductUpdated = "product-updated";

    /// <summary>Catalog: a product was archived (admin DELETE); it leaves browse and search.</summary>
    public const string ProductArchived = "product-archived";

    /// <summary>Inventory: a SKU's stock levels changed (set, adjusted, reserved, committed, released, expired).</summary>
    public const string StockChanged = "stock-changed";

    /// <summary>Identity: an account was registered (notification's welcome email, later).</summary>
    public const string AccountRegistered = "account-registered";

    /// <summary>Identity: an account and its personal data were erased; other services drop what they hold for it.</summary>
    public const string AccountDeleted = "account-deleted";
}
