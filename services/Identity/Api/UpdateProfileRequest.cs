namespace DaprShop.Identity.Api;

/// <summary>Body of <c>PUT /me</c>: the fields a user may change about themselves.</summary>
public sealed record UpdateProfileRequest(string Name);
