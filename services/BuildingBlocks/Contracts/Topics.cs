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

    /// <summary>Payment: a PaymentIntent succeeded (<see cref="Payment.PaymentOutcome"/>), after the verified webhook's ledger entry is saved.</summary>
    public const string PaymentSucceeded = "payment-succeeded";

    /// <summary>Payment: a PaymentIntent failed or was declined (<see cref="Payment.PaymentOutcome"/>).</summary>
    public const string PaymentFailed = "payment-failed";

    /// <summary>Payment: a PaymentIntent needs the shopper's authentication (3-D Secure) (<see cref="Payment.PaymentOutcome"/>).</summary>
    public const string PaymentRequiresAction = "payment-requires-action";

    /// <summary>Payment: a refund succeeded (<see cref="Payment.PaymentOutcome"/> with the refunded amount).</summary>
    public const string PaymentRefunded = "payment-refunded";

    /// <summary>Ordering: an order changed status (<see cref="Ordering.OrderStatusChanged"/>); notification emails the shopper.</summary>
    public const string OrderStatusChanged = "order-status-changed";
}
