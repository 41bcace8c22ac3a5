using System.Text.Json;

namespace DaprShop.Benchmarks;

/// <summary>
/// One paid checkout's times: sent and answered by the shopper's clock, the status changes by the order's timeline
/// (the shop's clock; same machine).
/// </summary>
public sealed record CheckoutStages(DateTimeOffset Sent, DateTimeOffset Answered, DateTimeOffset PendingAt, DateTimeOffset AwaitingPaymentAt, DateTimeOffset PaidAt)
{
    public static CheckoutStages Of(DateTimeOffset sent, DateTimeOffset answered, JsonElement paidOrder)
    {
        var timeline = paidOrder.GetProperty("timeline").EnumerateArray()
            .ToDictionary(entry => entry.GetProperty("status").GetString()!, entry => entry.GetProperty("at").GetDateTimeOffset());
        return new CheckoutStages(sent, answered, timeline["Pending"], timeline["AwaitingPayment"], timeline["Paid"]);
    }

    /// <summary>The stages reported, each a span between two of the times.</summary>
    public static readonly IReadOnlyList<(string Name, Func<CheckoutStages, TimeSpan> Span)> Spans =
    [
        ("POST sent → order saved Pending", stages => stages.PendingAt - stages.Sent),
        ("Pending → AwaitingPayment (workflow started, stock reserved)", stages => stages.AwaitingPaymentAt - stages.PendingAt),
        ("AwaitingPayment → Paid (payment, signed webhook, event, stock committed, cart cleared)", stages => stages.PaidAt - stages.AwaitingPaymentAt),
        ("POST sent → 202 answered", stages => stages.Answered - stages.Sent),
    ];
}
