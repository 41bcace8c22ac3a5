namespace DaprShop.Identity.Domain;

/// <summary>A sign-in of a user: the id of its refresh-token family and when that family expires.</summary>
public sealed record SessionReference(Guid FamilyId, DateTimeOffset ExpiresAt);
