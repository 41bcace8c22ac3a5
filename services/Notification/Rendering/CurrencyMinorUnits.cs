namespace DaprShop.Notification.Rendering;

/// <summary>
/// How many decimals each currency's minor unit has (ISO 4217): 2 unless listed here. Only display needs this:
/// amounts travel and are stored in minor units (<see cref="Contracts.Money"/>) and are never converted.
/// </summary>
internal static class CurrencyMinorUnits
{
    private const int Usual = 2;

    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    public static int DecimalsOf(string currency) => Exceptions.GetValueOrDefault(currency, Usual);
}
