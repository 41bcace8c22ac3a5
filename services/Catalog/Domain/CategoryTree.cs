using System.Collections.Frozen;

namespace DaprShop.Catalog.Domain;

/// <summary>
/// The category tree. It is reference data shipped with the catalogue (DaprShop.SeedData), not edited through the API,
/// so every replica holds the same tree without reading state.
/// </summary>
public sealed class CategoryTree
{
    private readonly FrozenDictionary<string, Category> _bySlug;
    private readonly FrozenDictionary<string, string[]> _selfAndAncestors;
    private readonly FrozenDictionary<string, int> _ordinals;

    /// <param name="categories">Parents before their children is not required; every parent slug must be in the list.</param>
    public CategoryTree(IEnumerable<Category> categories)
    {
        All = [.. categories];
        _bySlug = All.ToFrozenDictionary(category => category.Slug, StringComparer.Ordinal);
        _selfAndAncestors = All.ToFrozenDictionary(category => category.Slug, category => SelfAndAncestors(category).ToArray(), StringComparer.Ordinal);
        _ordinals = All.Select((category, ordinal) => KeyValuePair.Create(category.Slug, ordinal)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>In the order given, which is the order the tree is shown in.</summary>
    public IReadOnlyList<Category> All { get; }

    public bool Contains(string? slug) => slug is not null && _bySlug.ContainsKey(slug);

    public Category this[string slug] => _bySlug[slug];

    /// <summary>The category's position in <see cref="All"/>.</summary>
    public int OrdinalOf(string slug) => _ordinals[slug];

    /// <summary>The slug itself, its parent, its parent's parent... up to the root: a product in a category is also in each of these.</summary>
    public IReadOnlyList<string> SelfAndAncestorsOf(string slug) => _selfAndAncestors[slug];

    public IEnumerable<Category> ChildrenOf(string? parentSlug) =>
        All.Where(category => category.ParentSlug == parentSlug);

    private IEnumerable<string> SelfAndAncestors(Category category)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (Category? current = category; current is not null && seen.Add(current.Slug); current = current.ParentSlug is { } parent ? _bySlug[parent] : null)
        {
            yield return current.Slug;
        }
    }
}
