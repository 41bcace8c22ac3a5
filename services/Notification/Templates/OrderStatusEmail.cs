using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Contracts.Ordering;
using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Templates;

/// <summary>
/// The email for each order status a shopper wants to hear about, each with the order's lines and total. The
/// status news is one plain sentence, escaped whole for the HTML part, so both parts always say the same.
/// </summary>
internal static class OrderStatusEmail
{
    /// <summary>Pending and AwaitingPayment are steps inside a checkout the shopper is watching; they get no email.</summary>
    private static readonly OrderStatus[] EmailedStatuses =
        [OrderStatus.Paid, OrderStatus.Failed, OrderStatus.Cancelled, OrderStatus.Refunded, OrderStatus.Shipped];

    public static bool IsSentFor(OrderStatus status) => EmailedStatuses.Contains(status);

    /// <summary>
    /// The subscription's routing rule: the sidecar drops the other statuses' events, so the steps of every checkout
    /// are never delivered here (statuses are names on the wire).
    /// </summary>
    public static string SubscriptionMatch { get; } =
        string.Join(" || ", EmailedStatuses.Select(status => $"event.data.status == \"{status}\""));

    public static EmailMessage For(OrderStatusChanged change, UserContact to)
    {
        var (subject, sentence) = News(change);
        return new EmailMessage(
            $"order-{change.OrderId}-{change.Status.ToString().ToLowerInvariant()}",
            to,
            subject,
            change.OccurredAt,
            EmailLayout.Text(to.Name, $"{sentence}\n\n{SummaryText(change)}"),
            EmailLayout.Html(subject, to.Name, SafeHtml.Of($"<p>{sentence}</p>\n{SummaryHtml(change)}")));
    }

    private static (string Subject, string Sentence) News(OrderStatusChanged change) => change.Status switch
    {
        OrderStatus.Paid => ("Your DaprShop order is confirmed",
            $"thank you for your order: we received your payment of {MoneyText.Of(change.Total)} and are getting your parcel ready."),
        OrderStatus.Failed => ("Your DaprShop order could not be completed",
            $"we could not complete your order: {change.Reason ?? "the payment was refused"}. Nothing is charged for it, and you can try again with another payment method."),
        OrderStatus.Cancelled => ("Your DaprShop order is cancelled",
            $"your order is cancelled{(change.Reason is { } reason ? $" ({reason})" : "")}. If you had paid for it, your refund follows in a separate email."),
        OrderStatus.Refunded => ("Your DaprShop refund is on its way",
            $"we refunded {MoneyText.Of(change.Total)} to your payment method; your bank may take a few days to show it."),
        OrderStatus.Shipped => ("Your DaprShop order has shipped",
            $"your order is on its way. Tracking number: {change.TrackingNumber ?? "not available"}."),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Status, "No email tells about this status."),
    };

    private static string SummaryText(OrderStatusChanged change) =>
        string.Join('\n', [
            $"Order {change.OrderId}",
            .. change.Lines.Select(line => $"  {line.Quantity} x {line.ProductName} ({line.Sku}) at {MoneyText.Of(line.UnitPrice)} = {MoneyText.Of(LineTotal(line))}"),
            $"Total: {MoneyText.Of(change.Total)}",
        ]);

    private static SafeHtml SummaryHtml(OrderStatusChanged change) => SafeHtml.Of($"""
        <table style="border-collapse: collapse;">
        <caption style="text-align: left;">Order {change.OrderId}</caption>
        <tr><th align="left">Product</th><th align="left">SKU</th><th align="right">Quantity</th><th align="right">Unit price</th><th align="right">Amount</th></tr>
        {SafeHtml.Concat(change.Lines.Select(LineHtml))}<tr><th align="left" colspan="4">Total</th><th align="right">{MoneyText.Of(change.Total)}</th></tr>
        </table>
        """);

    private static SafeHtml LineHtml(OrderLineSummary line) => SafeHtml.Of(
        $"<tr><td>{line.ProductName}</td><td>{line.Sku}</td><td align=\"right\">{line.Quantity}</td><td align=\"right\">{MoneyText.Of(line.UnitPrice)}</td><td align=\"right\">{MoneyText.Of(LineTotal(line))}</td></tr>\n");

    private static Money LineTotal(OrderLineSummary line) => line.UnitPrice with { Amount = line.UnitPrice.Amount * line.Quantity };
}
