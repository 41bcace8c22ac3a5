namespace DaprShop.Gateway.RateLimiting;

/// <summary>
/// Per-client request limits at the edge, from the <c>Gateway:RateLimits</c> configuration section (environment:
/// <c>Gateway__RateLimits__Writes__PermitLimit=100000</c>). Reads are not limited.
/// </summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>
    /// The account endpoints an attacker would hammer to guess passwords or tokens, or to spam registrations and
    /// emails (<see cref="AccountCredentialRoutes"/>), per client IP address: there is no signed-in user to count by.
    /// </summary>
    public WindowLimit Login { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every other POST, PUT, PATCH and DELETE, per signed-in user, or per client IP address for anonymous callers.</summary>
    public WindowLimit Writes { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };
}
