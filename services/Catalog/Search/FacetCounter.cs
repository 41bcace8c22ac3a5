using DaprShop.Catalog.Domain;

namespace DaprShop.Catalog.Search;

/// <summary>Counts one query's facets while the index scans products that match its text; counts are arrays indexed by id.</summary>
internal sealed class FacetCounter(SearchFilter filter, CategoryTree categories, FacetNames names)
{
    private readonly int[] _categories = new int[categories.All.Count];
    private readonly int[] _brands = new int[names.Brands.Length];
    private readonly int[] _attributes = new int[names.Attributes.Length];
    private readonly int[] _prices = new int[PriceBuckets.LowerBounds.Length];

    /// <param name="failures">The product's <see cref="SearchFilter.Failures"/>: a facet counts it when it fails no filter but the facet's own.</param>
    public void Count(IndexedProduct product, int failures)
    {
        if (PassesAllBut(failures, SearchFilter.Category))
        {
            foreach (var ordinal in product.CategoryOrdinals) _categories[ordinal]++;
        }

        if (PassesAllBut(failures, SearchFilter.Brand)) _brands[product.BrandId]++;
        if (PassesAllBut(failures, SearchFilter.Price)) _prices[product.PriceBucket]++;

        var attributes = product.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (PassesAllBut(failures, filter.BitOf(attributes[i].Key))) _attributes[product.AttributeIds[i]]++;
        }
    }

    public SearchFacets ToFacets() => new(
        [.. categories.All.Select((category, ordinal) => new CategoryFacet(category.Slug, category.Name, category.ParentSlug, _categories[ordinal])).Where(facet => facet.Count > 0)],
        ByCount(Counted(_brands).Select(id => new FacetValue(names.Brands[id], _brands[id]))),
        Counted(_attributes)
            .GroupBy(id => names.Attributes[id].Key)
            .OrderBy(key => key.Key, StringComparer.Ordinal)
            .ToDictionary(key => key.Key, key => ByCount(key.Select(id => new FacetValue(names.Attributes[id].Display, _attributes[id])))),
        PriceBuckets.Facets(_prices));

    private static bool PassesAllBut(int failures, int own) => (failures & ~own) == 0;

    private static IEnumerable<int> Counted(int[] counts) => Enumerable.Range(0, counts.Length).Where(id => counts[id] > 0);

    private static IReadOnlyList<FacetValue> ByCount(IEnumerable<FacetValue> values) =>
        [.. values.OrderByDescending(value => value.Count).ThenBy(value => value.Value, StringComparer.Ordinal)];
}
