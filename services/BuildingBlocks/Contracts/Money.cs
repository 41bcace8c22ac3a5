namespace DaprShop.Contracts;

/// <summary>
/// An amount of money as an integer count of the currency's minor unit (cents for EUR, yen for JPY) plus its
/// ISO 4217 code, so amounts are exact on the wire and in storage; there is deliberately no decimal form.
/// </summary>
/// <param name="Amount">In minor units: 1999 with EUR is €19.99.</param>
/// <param name="Currency">ISO 4217 alphabetic code, upper case; see <see cref="CurrencyCodes"/>.</param>
public sealed record Money(long Amount, string Currency);
