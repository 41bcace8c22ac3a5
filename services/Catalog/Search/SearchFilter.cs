namespace DaprShop.Catalog.Search;

/// <summary>
/// The filters of one query, folded once. <see cref="Failures"/> answers with one bit per failed filter rather than a
/// yes/no, so facets can count a product that fails only their own filter.
/// </summary>
internal sealed class SearchFilter
{
    public const int Category = 1, Price = 2, Brand = 4, Stock = 8;
    private const int FirstAttributeBit = 16;

    /// <summary>31 bits of an int, less the four above.</summary>
    public const int MaxAttributeKeys = 27;

    private readonly string? _category;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly bool? _inStock;
    private readonly HashSet<string>? _brands;
    private readonly (string Key, HashSet<string> Values, int Bit)[] _attributes;

    public SearchFilter(SearchQuery query)
    {
        _category = query.Category;
        _minPrice = query.MinPrice ?? long.MinValue;
        _maxPrice = query.MaxPrice ?? long.MaxValue;
        _inStock = query.InStock;
        _brands = query.Brands is { Count: > 0 } brands ? brands.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal) : null;
        _attributes = [.. (query.Attributes ?? [])
            .GroupBy(filter => TextFolding.Fold(filter.Key))
            .Select((group, index) => (group.Key, group.Select(filter => TextFolding.Fold(filter.Value)).ToHashSet(StringComparer.Ordinal), FirstAttributeBit << index))];
        if (_attributes.Length > MaxAttributeKeys) throw new ArgumentException($"At most {MaxAttributeKeys} attribute keys can be filtered at once.", nameof(query));
    }

    /// <summary>The bit of the filter on attribute <paramref name="key"/> (folded); 0 when that attribute is not filtered.</summary>
    public int BitOf(string key)
    {
        foreach (var attribute in _attributes)
        {
            if (attribute.Key == key) return attribute.Bit;
        }

        return 0;
    }

    /// <summary>0 when the product passes every filter; otherwise the bits of those it fails.</summary>
    public int Failures(IndexedProduct product, bool inStock)
    {
        var failures = 0;
        if (_category is not null && !product.CategoryPath.Contains(_category)) failures |= Category;
        if (product.LowestPrice < _minPrice || product.LowestPrice > _maxPrice) failures |= Price;
        if (_brands is not null && !_brands.Contains(product.BrandKey)) failures |= Brand;
        if (_inStock is { } wanted && wanted != inStock) failures |= Stock;
        foreach (var (key, values, bit) in _attributes)
        {
            if (!values.Any(value => product.HasAttribute(key, value))) failures |= bit;
        }

        return failures;
    }
}
