namespace DaprShop.SeedData;

/// <summary>How the products of one leaf category are made up: the words of their names, options and price range.</summary>
/// <param name="Code">Two or three letters that start every SKU of the category.</param>
/// <param name="OptionName">The variant option (<c>size</c>, <c>colour</c>, ...), or null for single-variant products.</param>
/// <param name="PriceRange">In euro cents, inclusive lower and exclusive upper bound.</param>
internal sealed record ProductTemplate(
    string CategorySlug,
    string Code,
    IReadOnlyList<string> Nouns,
    IReadOnlyList<string> Adjectives,
    IReadOnlyList<string> Materials,
    IReadOnlyList<string> Uses,
    string? OptionName,
    IReadOnlyList<string> OptionValues,
    (int Min, int Max) PriceRange,
    int ProductCount);
