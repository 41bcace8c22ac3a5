namespace DaprShop.Dapr;

/// <summary>
/// Where the sidecar is and how to authenticate to it, read from the environment the way the Dapr SDKs and the
/// Dapr CLI agree on (DAPR_HTTP_ENDPOINT, DAPR_HTTP_PORT, DAPR_API_TOKEN, APP_API_TOKEN).
/// </summary>
public static class DaprDefaults
{
    /// <summary><c>DAPR_HTTP_ENDPOINT</c>, else <c>http://127.0.0.1:${DAPR_HTTP_PORT:-3500}</c>.</summary>
    /// <remarks>127.0.0.1 rather than localhost: the sidecar listens on IPv4 loopback and resolving localhost may try ::1 first.</remarks>
    public static string GetDefaultHttpEndpoint()
    {
        if (Read("DAPR_HTTP_ENDPOINT") is { } endpoint) return endpoint;
        var port = Read("DAPR_HTTP_PORT") is { } configuredPort && int.TryParse(configuredPort, out var parsed) ? parsed : 3500;
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>The token this app must send to its sidecar (<c>DAPR_API_TOKEN</c>), or null.</summary>
    public static string? GetDefaultDaprApiToken() => Read("DAPR_API_TOKEN");

    /// <summary>The token the sidecar sends to this app (<c>APP_API_TOKEN</c>), or null.</summary>
    public static string? GetDefaultAppApiToken() => Read("APP_API_TOKEN");

    private static string? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.Trim() : null;
}
