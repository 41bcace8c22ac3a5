namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /password/reset</c>: the token from the emailed link and the new password.</summary>
public sealed record ResetPasswordRequest(string Token, string NewPassword);
