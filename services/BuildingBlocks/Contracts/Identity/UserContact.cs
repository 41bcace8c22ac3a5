namespace DaprShop.Contracts.Identity;

/// <summary>
/// Where to write to a user: identity's <c>GET /internal/users/{id}/contact</c> (callers: notification), 404 once the
/// account is erased.
/// </summary>
public sealed record UserContact(Guid UserId, string Email, string Name);
