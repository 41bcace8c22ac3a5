namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /refresh</c> and <c>POST /logout</c>.</summary>
public sealed record RefreshTokenRequest(string RefreshToken);
