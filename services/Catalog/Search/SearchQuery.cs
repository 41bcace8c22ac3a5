namespace DaprShop.Catalog.Search;

/// <summary>
/// One search: text (every word must match a word of the name, tags, brand or description, the last letters of a word
/// may be missing), filters that all must hold, a sort and a page. Several brands, or several values of one attribute,
/// are alternatives; different attributes must all hold.
/// </summary>
/// <param name="Category">Products in this category or any category below it.</param>
/// <param name="MinPrice">Inclusive, in minor units, compared with the product's lowest variant price; so is <paramref name="MaxPrice"/>.</param>
/// <param name="InStock">True: only products with a variant available; false: only products without; null: both.</param>
/// <param name="Sort">Null: relevance with text, name without.</param>
public sealed record SearchQuery(
    string? Text = null,
    string? Category = null,
    long? MinPrice = null,
    long? MaxPrice = null,
    bool? InStock = null,
    IReadOnlyList<string>? Brands = null,
    IReadOnlyList<AttributeFilter>? Attributes = null,
    ProductSort? Sort = null,
    int Page = 1,
    int PageSize = 20);
