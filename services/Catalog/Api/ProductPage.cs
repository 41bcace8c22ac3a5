using DaprShop.Catalog.Search;

namespace DaprShop.Catalog.Api;

/// <summary>Answer of <c>GET /products</c>: the usual list shape plus facet counts.</summary>
public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, int Total, int Page, int PageSize, SearchFacets Facets);
