namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /me/password</c>.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
