using System.Net;

namespace DaprShop.Benchmarks;

/// <summary>The load generator's HTTP client: HTTP/1.1 keep-alive connections, as Dapr clients use against daprd.</summary>
public static class LoadGeneratorClient
{
    /// <summary>
    /// Enough that a stalled request never makes a scheduled one wait for a free connection: the open loop opens a new
    /// connection instead, as a fleet of independent callers would.
    /// </summary>
    private const int ConnectionsPerServer = 1024;

    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = ConnectionsPerServer,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
