namespace DaprShop.SeedData;

/// <summary>A node of the seeded category tree; top-level categories have no parent.</summary>
public sealed record SeedCategory(string Slug, string Name, string? ParentSlug);
