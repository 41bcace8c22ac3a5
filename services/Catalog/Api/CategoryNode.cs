namespace DaprShop.Catalog.Api;

/// <summary>One category with its subcategories: <c>GET /categories</c> answers the top-level ones.</summary>
public sealed record CategoryNode(string Slug, string Name, IReadOnlyList<CategoryNode> Children);
