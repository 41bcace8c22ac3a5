namespace DaprShop.Identity.Api;

/// <summary>Body of <c>PUT /users/{id}/roles</c>: the complete set of roles the account should have.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string> Roles);
