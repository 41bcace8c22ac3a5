using System.Text.Json.Serialization;

namespace DaprShop.Contracts.Payment;

/// <summary>Where an order's payment stands, as payment's ledger records it (from Stripe's PaymentIntent statuses and refunds), by name on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    /// <summary>Created and confirmed; the outcome arrives by webhook.</summary>
    Processing,
    RequiresAction,
    Succeeded,
    Failed,
    Canceled,
    /// <summary>Some of a succeeded payment was refunded.</summary>
    PartiallyRefunded,
    Refunded,
}
