namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /verify-email</c>: the token from the emailed link.</summary>
public sealed record VerifyEmailRequest(string Token);
