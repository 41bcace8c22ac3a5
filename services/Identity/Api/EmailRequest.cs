namespace DaprShop.Identity.Api;

/// <summary>Body of <c>POST /verify-email/resend</c> and <c>POST /password/forgot</c>: the address to send a link to.</summary>
public sealed record EmailRequest(string Email);
