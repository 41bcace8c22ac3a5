using Microsoft.Extensions.Configuration;

namespace DaprShop.ServiceDefaults.Hosting;

/// <summary>
/// <c>dapr run</c> tells the app its port through <c>APP_PORT</c> (daprd connects to 127.0.0.1 on it). When no
/// explicit address was given (<c>ASPNETCORE_URLS</c>, <c>URLS</c>, <c>--urls</c>, all of which end up as the
/// <c>urls</c> setting), listen there on loopback only: locally, nothing but the sidecar should reach the app.
/// </summary>
internal static class AppPortBinding
{
    public static void ListenOnAppPort(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration["urls"])) return;
        if (!int.TryParse(configuration["APP_PORT"], out var appPort) || appPort <= 0) return;

        configuration["urls"] = $"http://127.0.0.1:{appPort}";
    }
}
