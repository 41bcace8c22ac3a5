namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /register</c>.</summary>
public sealed record RegisterRequest(string Email, string Password, string Name);
