namespace DaprShop.Contracts;

/// <summary>
/// Service-to-service endpoints live under <c>/internal</c>: the gateway never forwards there, and each such endpoint
/// also names the app ids allowed to call it (checked against the <c>dapr-caller-app-id</c> its sidecar sets).
/// </summary>
public static class InternalRoutes
{
    public const string Prefix = "/internal";
}
