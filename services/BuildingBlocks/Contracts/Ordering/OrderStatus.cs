namespace DaprShop.Contracts.Ordering;

/// <summary>Order statuses (ARCHITECTURE §4a).</summary>
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
