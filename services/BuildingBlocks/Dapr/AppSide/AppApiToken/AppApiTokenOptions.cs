using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr;

public sealed class AppApiTokenOptions
{
    /// <summary>The token daprd sends to this app; defaults to <c>APP_API_TOKEN</c>. Null disables the check.</summary>
    public string? Token { get; set; } = DaprDefaults.GetDefaultAppApiToken();

    /// <summary>
    /// Paths served by middleware rather than endpoints (so they cannot carry endpoint metadata) that need no token,
    /// e.g. <c>/swagger</c>. Each entry exempts the path and everything below it.
    /// </summary>
    public IList<PathString> ExemptPathPrefixes { get; } = [];
}
