using DaprShop.Contracts;

namespace DaprShop.Ordering.Domain;

/// <summary>
/// What an order costs. The rules, kept deliberately simple:
/// <list type="bullet">
/// <item>catalogue prices include VAT, so <see cref="Subtotal"/> is the sum of quantity × unit price;</item>
/// <item>shipping is a flat <see cref="ShippingFee"/> below <see cref="FreeShippingThreshold"/> of subtotal, free from it on;</item>
/// <item><see cref="IncludedVat"/> is the <see cref="VatPercent"/> VAT contained in subtotal plus shipping
/// (gross × 20 / 120, rounded half up to the minor unit); it is shown, not added;</item>
/// <item><see cref="Total"/> = subtotal + shipping, what the shopper pays.</item>
/// </list>
/// Amounts are minor units of the cart's single currency.
/// </summary>
public sealed record OrderTotals(Money Subtotal, Money Shipping, Money IncludedVat, Money Total)
{
    public const int VatPercent = 20;
    public const long ShippingFee = 495;
    public const long FreeShippingThreshold = 5000;

    /// <param name="lines">At least one line, all in one currency.</param>
    public static OrderTotals For(IReadOnlyList<OrderLine> lines)
    {
        var currency = lines.Select(line => line.UnitPrice.Currency).Distinct(StringComparer.Ordinal).Single();
        var subtotal = lines.Sum(line => line.LineTotal.Amount);
        var shipping = subtotal < FreeShippingThreshold ? ShippingFee : 0;
        var total = subtotal + shipping;
        var hundredPlusVat = 100 + VatPercent;
        var includedVat = (total * VatPercent * 2 + hundredPlusVat) / (hundredPlusVat * 2);
        return new OrderTotals(new Money(subtotal, currency), new Money(shipping, currency), new Money(includedVat, currency), new Money(total, currency));
    }
}
