namespace DaprShop.Catalog.Search;

/// <summary>
/// Numbers for the values facets count (brands, attribute key/value pairs), handed out as products enter the index,
/// so that counting a facet in a query is an array increment instead of string hashing. It only grows; it is written
/// under the index's write lock, and queries read the <see cref="FacetNames"/> captured with their snapshot.
/// </summary>
internal sealed class FacetVocabulary
{
    private readonly Dictionary<string, int> _brandIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, string Value), int> _attributeIds = [];
    private readonly List<string> _brands = [];
    private readonly List<FoldedAttribute> _attributes = [];

    /// <param name="folded">What identifies the brand; the first <paramref name="display"/> seen is what facets show.</param>
    public int BrandIdOf(string folded, string display) => IdOf(_brandIds, folded, _brands, display);

    public int AttributeIdOf(FoldedAttribute attribute) => IdOf(_attributeIds, (attribute.Key, attribute.Value), _attributes, attribute);

    public FacetNames Names() => new([.. _brands], [.. _attributes]);

    private static int IdOf<TKey, TName>(Dictionary<TKey, int> ids, TKey key, List<TName> names, TName name) where TKey : notnull
    {
        if (ids.TryGetValue(key, out var id)) return id;
        ids[key] = names.Count;
        names.Add(name);
        return names.Count - 1;
    }
}

/// <summary>Facet values by id, as of one index snapshot.</summary>
internal sealed record FacetNames(string[] Brands, FoldedAttribute[] Attributes);
