namespace DaprShop.Identity.Sessions;

/// <summary>What login and refresh answer: a short-lived access token, the refresh token to get the next pair, and the access token's lifetime in seconds.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
