namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /login</c>.</summary>
public sealed record LoginRequest(string Email, string Password);
