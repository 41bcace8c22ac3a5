namespace DaprShop.Identity.Email;

/// <summary>Where the links in account emails point (configuration section <c>AccountLinks</c>).</summary>
public sealed class AccountLinkOptions
{
    public const string SectionName = "AccountLinks";

    /// <summary>The storefront's public address; emails link to <c>{BaseUrl}/verify-email?token=...</c> and <c>{BaseUrl}/reset-password?token=...</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:8080";
}
