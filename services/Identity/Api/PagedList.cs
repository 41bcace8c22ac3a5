namespace DaprShop.Identity.Api;

/// <summary>The list shape every DaprShop list answers with.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
