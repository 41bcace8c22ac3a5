using System.Globalization;
using DaprShop.Contracts;

namespace DaprShop.Notification.Rendering;

/// <summary>Money as a shopper reads it: the ISO code and the amount with the currency's own decimals, "EUR 1,234.50", "JPY 1,500".</summary>
internal static class MoneyText
{
    public static string Of(Money money)
    {
        var decimals = CurrencyMinorUnits.DecimalsOf(money.Currency);
        var major = money.Amount / (decimal)Math.Pow(10, decimals);
        return $"{money.Currency} {major.ToString("N" + decimals, CultureInfo.InvariantCulture)}";
    }
}
