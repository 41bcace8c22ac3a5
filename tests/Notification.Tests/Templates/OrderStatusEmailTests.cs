using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Contracts.Ordering;
using DaprShop.Notification.Templates;

namespace DaprShop.Notification.Tests.Templates;

public sealed class OrderStatusEmailTests
{
    private static readonly Guid OrderId = Guid.Parse("01930000-0000-7000-8000-0000000000aa");
    private static readonly UserContact Ann = new(Guid.Parse("01930000-0000-7000-8000-000000000001"), "ann@shop.test", "Ann");

    [Theory]
    [InlineData(OrderStatus.Pending, false)]
    [InlineData(OrderStatus.AwaitingPayment, false)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Failed, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Refunded, true)]
    [InlineData(OrderStatus.Shipped, true)]
    public void Only_statuses_a_shopper_cares_about_get_an_email(OrderStatus status, bool sent) =>
        Assert.Equal(sent, OrderStatusEmail.IsSentFor(status));

    [Fact]
    public void A_paid_order_is_confirmed_with_its_lines_and_total()
    {
        var email = OrderStatusEmail.For(Change(OrderStatus.Paid), Ann);

        Assert.Equal($"order-{OrderId}-paid.eml", email.FileName);
        Assert.Equal("Your DaprShop order is confirmed", email.Subject);
        Assert.Contains("we received your payment of EUR 64.97", email.Text);
        Assert.Contains("  2 x Linen Shirt (SHIRT-M) at EUR 19.99 = EUR 39.98", email.Text);
        Assert.Contains("  1 x Cap (CAP-1) at EUR 24.99 = EUR 24.99", email.Text);
        Assert.Contains("Total: EUR 64.97", email.Text);
        Assert.Contains("<td>Linen Shirt</td><td>SHIRT-M</td><td align=\"right\">2</td><td align=\"right\">EUR 19.99</td><td align=\"right\">EUR 39.98</td>", email.Html.Markup);
        Assert.Contains("<th align=\"right\">EUR 64.97</th>", email.Html.Markup);
    }

    [Theory]
    [InlineData(OrderStatus.Failed, "failed", "Your DaprShop order could not be completed", "we could not complete your order: the reason.")]
    [InlineData(OrderStatus.Cancelled, "cancelled", "Your DaprShop order is cancelled", "your order is cancelled (the reason).")]
    [InlineData(OrderStatus.Refunded, "refunded", "Your DaprShop refund is on its way", "we refunded EUR 64.97 to your payment method")]
    [InlineData(OrderStatus.Shipped, "shipped", "Your DaprShop order has shipped", "Tracking number: TRACK-1.")]
    public void Every_later_status_tells_its_news_in_both_parts(OrderStatus status, string fileSuffix, string subject, string news)
    {
        var email = OrderStatusEmail.For(Change(status) with { Reason = "the reason", TrackingNumber = "TRACK-1" }, Ann);

        Assert.Equal($"order-{OrderId}-{fileSuffix}.eml", email.FileName);
        Assert.Equal(subject, email.Subject);
        Assert.Contains(news, email.Text);
        Assert.Contains(news, email.Html.Markup);
        Assert.Contains("Total: EUR 64.97", email.Text);
    }

    [Fact]
    public void Product_names_reasons_and_tracking_numbers_are_escaped_in_html()
    {
        var change = new OrderStatusChanged(
            OrderId, Ann.UserId, OrderStatus.Shipped, new Money(1000, "EUR"),
            [new OrderLineSummary("EVIL-1", "<script>steal()</script> & \"more\"", 1, new Money(1000, "EUR"))],
            null, "<b>track</b>", 5, DateTimeOffset.UnixEpoch);

        var email = OrderStatusEmail.For(change, Ann);

        Assert.Contains("<td>&lt;script&gt;steal()&lt;/script&gt; &amp; &quot;more&quot;</td>", email.Html.Markup);
        Assert.Contains("Tracking number: &lt;b&gt;track&lt;/b&gt;.", email.Html.Markup);
        Assert.DoesNotContain("<script>", email.Html.Markup);
        Assert.Contains("1 x <script>steal()</script> & \"more\" (EVIL-1)", email.Text);
    }

    [Fact]
    public void Amounts_use_the_orders_currency_decimals()
    {
        var change = new OrderStatusChanged(
            OrderId, Ann.UserId, OrderStatus.Paid, new Money(4500, "JPY"), [new OrderLineSummary("TEA-1", "Tea", 3, new Money(1500, "JPY"))],
            null, null, 2, DateTimeOffset.UnixEpoch);

        var email = OrderStatusEmail.For(change, Ann);

        Assert.Contains("3 x Tea (TEA-1) at JPY 1,500 = JPY 4,500", email.Text);
        Assert.Contains("Total: JPY 4,500", email.Text);
    }

    [Fact]
    public void There_is_no_email_for_a_step_inside_checkout() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatusEmail.For(Change(OrderStatus.AwaitingPayment), Ann));

    private static OrderStatusChanged Change(OrderStatus status) => new(
        OrderId, Ann.UserId, status, new Money(6497, "EUR"),
        [new OrderLineSummary("SHIRT-M", "Linen Shirt", 2, new Money(1999, "EUR")), new OrderLineSummary("CAP-1", "Cap", 1, new Money(2499, "EUR"))],
        null, null, 3, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
}
