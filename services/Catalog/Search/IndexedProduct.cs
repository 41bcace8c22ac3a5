using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Search;

/// <summary>
/// A product with everything a search needs worked out once, when it enters the index: folded, sorted tokens per field,
/// its category and the categories above it, folded brand and attributes. Queries then only compare strings.
/// </summary>
internal sealed class IndexedProduct
{
    // Per query word, the best field it matches decides its weight; a whole word beats a prefix.
    private const int NameExact = 16, NamePrefix = 8, KeywordExact = 8, KeywordPrefix = 4, DescriptionExact = 2, DescriptionPrefix = 1;

    private readonly string[] _nameTokens;
    private readonly string[] _keywordTokens;
    private readonly string[] _descriptionTokens;

    public IndexedProduct(Product product, CategoryTree categories, FacetVocabulary vocabulary)
    {
        var content = product.Content;
        Product = product;
        _nameTokens = TextFolding.SortedTokens([content.Name]);
        _keywordTokens = TextFolding.SortedTokens([content.Brand, .. content.Tags]);
        _descriptionTokens = TextFolding.SortedTokens([content.Description]);
        CategoryPath = categories.Contains(content.CategorySlug) ? categories.SelfAndAncestorsOf(content.CategorySlug) : [content.CategorySlug];
        CategoryOrdinals = [.. CategoryPath.Where(categories.Contains).Select(categories.OrdinalOf)];
        FoldedName = TextFolding.Fold(content.Name);
        BrandKey = TextFolding.Fold(content.Brand);
        BrandId = vocabulary.BrandIdOf(BrandKey, content.Brand);
        LowestPrice = product.LowestPrice.Amount;
        PriceBucket = PriceBuckets.IndexOf(LowestPrice);
        Skus = [.. product.Skus];
        Attributes = [.. content.Attributes
            .Concat(content.Variants.SelectMany(variant => variant.Options))
            .Select(pair => new FoldedAttribute(TextFolding.Fold(pair.Key), TextFolding.Fold(pair.Value), pair.Value))
            .DistinctBy(attribute => (attribute.Key, attribute.Value))];
        AttributeIds = [.. Attributes.Select(vocabulary.AttributeIdOf)];
    }

    public Product Product { get; }

    public IReadOnlyList<string> CategoryPath { get; }

    /// <summary>Positions in <see cref="CategoryTree.All"/> of <see cref="CategoryPath"/>, for facet counting.</summary>
    public int[] CategoryOrdinals { get; }

    public string FoldedName { get; }

    public string BrandKey { get; }

    public int BrandId { get; }

    public long LowestPrice { get; }

    public int PriceBucket { get; }

    public string[] Skus { get; }

    /// <summary>The product's attributes and its variants' options, each key/value pair once.</summary>
    public FoldedAttribute[] Attributes { get; }

    /// <summary>The <see cref="FacetVocabulary"/> id of each of <see cref="Attributes"/>.</summary>
    public int[] AttributeIds { get; }

    /// <summary>0 when some word matches nothing, else the sum of each word's best weight.</summary>
    /// <param name="words">Folded query words.</param>
    public int Score(string[] words)
    {
        var score = 0;
        foreach (var word in words)
        {
            var best = Math.Max(
                Weigh(_nameTokens, word, NameExact, NamePrefix),
                Math.Max(Weigh(_keywordTokens, word, KeywordExact, KeywordPrefix), Weigh(_descriptionTokens, word, DescriptionExact, DescriptionPrefix)));
            if (best == 0) return 0;
            score += best;
        }

        return score;
    }

    public bool HasAttribute(string key, string value)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Key == key && attribute.Value == value) return true;
        }

        return false;
    }

    /// <summary>Binary search of the sorted tokens: the word itself, or the first token after it if it starts with the word.</summary>
    private static int Weigh(string[] sortedTokens, string word, int exact, int prefix)
    {
        var index = Array.BinarySearch(sortedTokens, word, StringComparer.Ordinal);
        if (index >= 0) return exact;
        index = ~index;
        return index < sortedTokens.Length && sortedTokens[index].StartsWith(word, StringComparison.Ordinal) ? prefix : 0;
    }
}

/// <param name="Key">Folded key.</param>
/// <param name="Value">Folded value, what filters compare.</param>
/// <param name="Display">The value as written, what facets show.</param>
internal readonly record struct FoldedAttribute(string Key, string Value, string Display);
