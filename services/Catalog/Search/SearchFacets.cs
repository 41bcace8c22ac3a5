namespace DaprShop.Catalog.Search;

/// <summary>
/// How many products each further refinement would give. Each facet counts the products that match the text and every
/// filter except its own, so choosing a second brand or a wider price range shows what it adds.
/// </summary>
/// <param name="Categories">Categories with matching products, in tree order; a product counts in its category and every ancestor.</param>
/// <param name="Attributes">Per attribute key (lower case, accents dropped), its values by count.</param>
/// <param name="Prices">Every price bucket, empty ones included, by the products' lowest variant price.</param>
public sealed record SearchFacets(
    IReadOnlyList<CategoryFacet> Categories,
    IReadOnlyList<FacetValue> Brands,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Attributes,
    IReadOnlyList<PriceBucketFacet> Prices);

public sealed record CategoryFacet(string Slug, string Name, string? ParentSlug, int Count);

public sealed record FacetValue(string Value, int Count);

/// <param name="Min">Inclusive, in minor units.</param>
/// <param name="Max">Exclusive; null for the open top bucket.</param>
public sealed record PriceBucketFacet(long Min, long? Max, int Count);
