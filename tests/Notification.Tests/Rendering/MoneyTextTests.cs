using DaprShop.Contracts;
using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Tests.Rendering;

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData(1999, "EUR", "EUR 19.99")]
    [InlineData(5, "EUR", "EUR 0.05")]
    [InlineData(123456789, "USD", "USD 1,234,567.89")]
    [InlineData(1500, "JPY", "JPY 1,500")]
    [InlineData(7, "KRW", "KRW 7")]
    [InlineData(1234, "KWD", "KWD 1.234")]
    [InlineData(10, "BHD", "BHD 0.010")]
    [InlineData(0, "GBP", "GBP 0.00")]
    [InlineData(-250, "EUR", "EUR -2.50")]
    public void Shows_the_amount_with_the_currencys_own_decimals(long minorUnits, string currency, string expected) =>
        Assert.Equal(expected, MoneyText.Of(new Money(minorUnits, currency)));

    [Fact]
    public void Keeps_every_minor_unit_of_a_large_amount() =>
        Assert.Equal("EUR 92,233,720,368,547,758.07", MoneyText.Of(new Money(long.MaxValue, "EUR")));
}
