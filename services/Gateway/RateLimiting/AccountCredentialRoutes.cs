using DaprShop.Contracts;

namespace DaprShop.Gateway.RateLimiting;

/// <summary>Identity's endpoints that take a password or a single-use token, or send an email: the login-like ones.</summary>
public static class AccountCredentialRoutes
{
    private static readonly HashSet<string> MethodPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        "login", "refresh", "register", "verify-email", "password/forgot", "password/reset",
    };

    /// <param name="app">The <c>{app}</c> route value.</param>
    /// <param name="rest">The <c>{**rest}</c> route value; app routes ignore case and a trailing slash, so this does too.</param>
    public static bool Contains(string method, string? app, string? rest) =>
        HttpMethods.IsPost(method)
        && app == AppIds.Identity
        && rest is not null
        && MethodPaths.Contains(rest.TrimEnd('/'));
}
