using System.Text.Json.Serialization;

namespace DaprShop.Contracts.Ordering;

/// <summary>Order statuses (ARCHITECTURE §4a), by name on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    AwaitingPayment,
    Paid,
    Shipped,
    Cancelled,
    Refunded,
    Failed,
}
