using System.Buffers;

namespace DaprShop.Catalog.Search;

/// <summary>
/// Case- and diacritic-insensitive text: lower case, accents dropped ("Café Zürich" → "cafe zurich"), split into
/// tokens of letters and digits. Written out rather than via <c>string.Normalize(FormD)</c>, which does nothing under
/// the repository's InvariantGlobalization; the table covers Latin-1 and Latin Extended-A/B, which is what product
/// text in the shop's languages uses.
/// </summary>
public static class TextFolding
{
    private const string Accented = "àáâãäåçèéêëìíîïðñòóôõöøùúûüýÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĸĺļľŀłńņňŋōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžſơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ";
    private const string Plain = "aaaaaaceeeeiiiidnoooooouuuuyyaaaccccddeeeeegggghhiiiiijkklllllnnnnooorrrsssstttuuuuuuwyzzzsouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooy";

    private static readonly Dictionary<char, string> Ligatures = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['þ'] = "th", ['ĳ'] = "ij", ['œ'] = "oe", ['ǆ'] = "dz", ['ǉ'] = "lj", ['ǌ'] = "nj", ['ǳ'] = "dz",
    };

    private static readonly SearchValues<char> Foldable = SearchValues.Create(Accented + string.Concat(Ligatures.Keys));

    /// <summary>Lower case without diacritics; the whole string, separators kept.</summary>
    public static string Fold(string text)
    {
        var lower = text.ToLowerInvariant();
        if (!lower.AsSpan().ContainsAny(Foldable)) return lower;

        var folded = new System.Text.StringBuilder(lower.Length + 4);
        foreach (var character in lower)
        {
            var index = Accented.IndexOf(character);
            if (index >= 0) folded.Append(Plain[index]);
            else if (Ligatures.TryGetValue(character, out var letters)) folded.Append(letters);
            else folded.Append(character);
        }

        return folded.ToString();
    }

    /// <summary>The folded words of <paramref name="text"/>: runs of letters and digits, in order, duplicates kept.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Distinct tokens of all <paramref name="texts"/>, sorted ordinally so prefix lookups can binary-search.</summary>
    public static string[] SortedTokens(IEnumerable<string> texts) =>
        [.. texts.SelectMany(Tokens).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
