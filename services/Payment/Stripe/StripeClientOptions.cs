namespace DaprShop.Payment.Stripe;

/// <summary>Configuration section <c>Stripe</c>. Defaults are Stripe.net's (stripe.md §1).</summary>
public sealed class StripeClientOptions
{
    public const string Section = "Stripe";

    /// <summary>The pinned API version, so responses and events keep one shape whatever the account's default.</summary>
    public const string ApiVersion = "2026-07-29.dahlia";

    public Uri BaseUrl { get; set; } = new("https://api.stripe.com");

    public int MaxNetworkRetries { get; set; } = 2;

    public TimeSpan InitialNetworkRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxNetworkRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(80);
}
