using Microsoft.Extensions.Configuration;

namespace DaprShop.Dapr;

/// <summary>
/// Where the sidecar is and how to authenticate to it, read the way the Dapr SDKs and the Dapr CLI agree on
/// (DAPR_HTTP_ENDPOINT, DAPR_HTTP_PORT, DAPR_API_TOKEN, APP_API_TOKEN): from the environment, or from an app's
/// configuration, which includes the environment and lets tests and command lines supply the same names.
/// </summary>
public static class DaprDefaults
{
    /// <summary><c>DAPR_HTTP_ENDPOINT</c>, else <c>http://127.0.0.1:${DAPR_HTTP_PORT:-3500}</c>.</summary>
    /// <remarks>127.0.0.1 rather than localhost: the sidecar listens on IPv4 loopback and resolving localhost may try ::1 first.</remarks>
    public static string GetDefaultHttpEndpoint(IConfiguration? configuration = null)
    {
        if (Read("DAPR_HTTP_ENDPOINT", configuration) is { } endpoint) return endpoint;
        var port = Read("DAPR_HTTP_PORT", configuration) is { } configuredPort && int.TryParse(configuredPort, out var parsed) ? parsed : 3500;
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>The token this app must send to its sidecar (<c>DAPR_API_TOKEN</c>), or null.</summary>
    public static string? GetDefaultDaprApiToken(IConfiguration? configuration = null) => Read("DAPR_API_TOKEN", configuration);

    /// <summary>The token the sidecar sends to this app (<c>APP_API_TOKEN</c>), or null.</summary>
    public static string? GetDefaultAppApiToken(IConfiguration? configuration = null) => Read("APP_API_TOKEN", configuration);

    private static string? Read(string name, IConfiguration? configuration) =>
        (configuration is null ? Environment.GetEnvironmentVariable(name) : configuration[name]) is { Length: > 0 } value ? value.Trim() : null;
}
