using System.Text.RegularExpressions;

namespace DaprShop.Contracts;

/// <summary>
/// The stock-keeping unit format shared by catalog, inventory and cart (one inventory actor per SKU, cart lines by
/// SKU): upper-case letters and digits in groups joined by single hyphens, e.g. <c>TSHIRT-RED-M</c>. Upper case only,
/// so one product can never be stocked under two spellings of the same SKU.
/// </summary>
public static partial class Sku
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    public static bool IsWellFormed(string? sku) =>
        sku is { Length: >= MinLength and <= MaxLength } && GroupsJoinedByHyphens().IsMatch(sku);

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Z0-9]+(-[A-Z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex GroupsJoinedByHyphens();
}
