using DaprShop.Contracts;

namespace DaprShop.Gateway.Routing;

/// <summary>The rules that decide which public paths reach which app.</summary>
public static class GatewayRoutes
{
    public const string Pattern = "/api/{app}/{**rest}";

    /// <summary>The methods of a REST API; the app decides which it allows. Others (TRACE, CONNECT, WebDAV) get 405 here.</summary>
    public static IReadOnlyList<string> ForwardedMethods { get; } =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>Every app but the gateway itself, which would only call itself in a loop.</summary>
    public static IReadOnlySet<string> RoutableAppIds { get; } =
        AppIds.All.Where(appId => appId != AppIds.Gateway).ToHashSet(StringComparer.Ordinal);

    /// <summary>The public names ARCHITECTURE §4a gives the areas whose app id differs: <c>/api/orders/checkout</c> reaches ordering.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["orders"] = AppIds.Ordering, ["payments"] = AppIds.Payment };

    /// <param name="app">The <c>{app}</c> segment: an app id or an <see cref="Aliases">alias</see>, matched exactly, as Dapr does.</param>
    /// <param name="rest">The rest of the path after <c>/api/{app}/</c>, as routing decoded it (never a decoded <c>/</c>).</param>
    public static RouteDecision Decide(string app, string? rest)
    {
        app = Aliases.GetValueOrDefault(app, app);
        if (!RoutableAppIds.Contains(app))
        {
            return new RouteDecision.Refuse(StatusCodes.Status404NotFound, $"There is no app '{app}' behind /api/.");
        }

        if (string.IsNullOrEmpty(rest))
        {
            // Dapr service invocation needs a method name; an app's root cannot be invoked.
            return new RouteDecision.Refuse(StatusCodes.Status404NotFound, $"Name a path on the app, e.g. /api/{app}/swagger.");
        }

        if (rest.Contains("%2F", StringComparison.OrdinalIgnoreCase) || rest.Contains('\\') || rest.StartsWith('/') || rest.Contains("//", StringComparison.Ordinal))
        {
            // Sidecars and routers disagree on whether an encoded slash or an empty segment splits a path, so such a
            // path could reach a route other than the one checked below.
            return new RouteDecision.Refuse(StatusCodes.Status400BadRequest, "Paths through the gateway may not contain encoded slashes, backslashes or empty segments.");
        }

        var methodPath = new PathString("/" + rest);
        // ASP.NET Core routes ignore case, so /EVENTS/... would reach the same handler as /events/...
        if (SidecarOnlyRoutes.All.Any(prefix => methodPath.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return new RouteDecision.Refuse(StatusCodes.Status404NotFound, $"There is no public path '{methodPath}' on app '{app}'.");
        }

        return new RouteDecision.Forward(app, methodPath);
    }
}
