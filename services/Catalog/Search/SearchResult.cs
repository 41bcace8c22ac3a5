namespace DaprShop.Catalog.Search;

/// <param name="Items">The requested page.</param>
/// <param name="Total">Products matching the text and every filter, over all pages.</param>
public sealed record SearchResult(IReadOnlyList<ProductSummary> Items, int Total, SearchFacets Facets);
