namespace DaprShop.Catalog.Domain;

/// <param name="ParentSlug">Null for a top-level category.</param>
public sealed record Category(string Slug, string Name, string? ParentSlug);
