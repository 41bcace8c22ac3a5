using DaprShop.Catalog.Search;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Catalog.Api;

/// <summary>
/// The query string of <c>GET /products</c>; <see cref="ProductSearchRequestValidator"/> checks it. Values that do not
/// parse (<c>page=abc</c>) are 400 before validation.
/// </summary>
public sealed class ProductSearchRequest
{
    public const int DefaultPageSize = 20;

    /// <summary>Words to find in name, tags, brand and description; the end of each word may be left off.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>A category slug; its subcategories are included.</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>Minor units, inclusive, against each product's lowest variant price; so is <see cref="MaxPrice"/>.</summary>
    [FromQuery(Name = "minPrice")]
    public long? MinPrice { get; init; }

    [FromQuery(Name = "maxPrice")]
    public long? MaxPrice { get; init; }

    /// <summary>true: only products with a variant available; false: only products without.</summary>
    [FromQuery(Name = "inStock")]
    public bool? InStock { get; init; }

    /// <summary><c>relevance</c> (default with <c>q</c>), <c>price-asc</c>, <c>price-desc</c>, <c>newest</c>, <c>name</c> (default without <c>q</c>).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>Repeatable; any of the brands.</summary>
    [FromQuery(Name = "brand")]
    public string[]? Brand { get; init; }

    /// <summary>Repeatable <c>key:value</c>, e.g. <c>attr=colour:red&amp;attr=colour:blue&amp;attr=size:M</c>: any of the values of one key, every key.</summary>
    [FromQuery(Name = "attr")]
    public string[]? Attr { get; init; }

    public SearchQuery ToQuery() => new(
        string.IsNullOrWhiteSpace(Q) ? null : Q,
        string.IsNullOrEmpty(Category) ? null : Category,
        MinPrice,
        MaxPrice,
        InStock,
        Brand ?? [],
        [.. (Attr ?? []).Select(ParseAttribute)],
        ProductSortNames.TryParse(Sort, out var sort) ? sort : null,
        Page ?? 1,
        PageSize ?? DefaultPageSize);

    /// <summary>Splits at the first colon; the validator has made sure there is one with text on both sides.</summary>
    internal static AttributeFilter ParseAttribute(string pair)
    {
        var colon = pair.IndexOf(':');
        return new AttributeFilter(pair[..colon].Trim(), pair[(colon + 1)..].Trim());
    }
}
