using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Search;

/// <summary>Counts one query's facets while the index scans products that match its text.</summary>
internal sealed class FacetCounter(SearchFilter filter, CategoryTree categories)
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Display, int Count)> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (string Display, int Count)>> _attributes = new(StringComparer.Ordinal);
    private readonly int[] _prices = new int[PriceBuckets.LowerBounds.Length];

    /// <param name="failures">The product's <see cref="SearchFilter.Failures"/>: a facet counts it when it fails no filter but the facet's own.</param>
    public void Count(IndexedProduct product, int failures)
    {
        if (PassesAllBut(failures, SearchFilter.Category))
        {
            foreach (var slug in product.CategoryPath) _categories[slug] = _categories.GetValueOrDefault(slug) + 1;
        }

        if (PassesAllBut(failures, SearchFilter.Brand))
        {
            _brands[product.BrandKey] = (_brands.TryGetValue(product.BrandKey, out var brand) ? brand.Display : product.Product.Content.Brand, brand.Count + 1);
        }

        if (PassesAllBut(failures, SearchFilter.Price)) _prices[product.PriceBucket]++;

        foreach (var attribute in product.Attributes)
        {
            if (!PassesAllBut(failures, filter.BitOf(attribute.Key))) continue;
            if (!_attributes.TryGetValue(attribute.Key, out var values)) _attributes[attribute.Key] = values = new(StringComparer.Ordinal);
            values[attribute.Value] = (values.TryGetValue(attribute.Value, out var value) ? value.Display : attribute.Display, value.Count + 1);
        }
    }

    public SearchFacets ToFacets() => new(
        [.. categories.All.Where(category => _categories.ContainsKey(category.Slug))
            .Select(category => new CategoryFacet(category.Slug, category.Name, category.ParentSlug, _categories[category.Slug]))],
        ByCount(_brands),
        _attributes.OrderBy(attribute => attribute.Key, StringComparer.Ordinal).ToDictionary(attribute => attribute.Key, attribute => ByCount(attribute.Value)),
        PriceBuckets.Facets(_prices));

    private static bool PassesAllBut(int failures, int own) => (failures & ~own) == 0;

    private static IReadOnlyList<FacetValue> ByCount(Dictionary<string, (string Display, int Count)> counts) =>
        [.. counts.Values.OrderByDescending(value => value.Count).ThenBy(value => value.Display, StringComparer.Ordinal).Select(value => new FacetValue(value.Display, value.Count))];
}
