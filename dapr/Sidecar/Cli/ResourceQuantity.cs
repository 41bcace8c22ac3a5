using System.Globalization;
using System.Text.RegularExpressions;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// Kubernetes resource quantities ("4Mi", "512Ki", "1G", "1e6", "100"), the format daprd's --max-body-size and the run
/// template's maxBodySize use (k8s.io/apimachinery resource.ParseQuantity). A fractional byte count rounds up, as
/// Quantity.Value() does.
/// </summary>
internal static partial class ResourceQuantity
{
    public static long ParseBytes(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success) throw new FormatException("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");

        var number = decimal.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var suffix = match.Groups["suffix"].Value;
        decimal multiplier = suffix switch
        {
            "" => 1m,
            "Ki" => 1L << 10,
            "Mi" => 1L << 20,
            "Gi" => 1L << 30,
            "Ti" => 1L << 40,
            "Pi" => 1L << 50,
            "Ei" => 1L << 60,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            _ => Pow10(int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        };
        var bytes = Math.Ceiling(number * multiplier);
        if (bytes < 0) throw new FormatException("must not be negative");
        if (bytes > long.MaxValue) throw new FormatException("too large");
        return (long)bytes;
    }

    private static decimal Pow10(int exponent)
    {
        if (Math.Abs(exponent) > 18) throw new FormatException("exponent out of range");
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) result *= 10;
        return exponent < 0 ? 1 / result : result;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")]
    private static partial Regex QuantityPattern();
}
