using System.Net;
using System.Net.Sockets;

namespace DaprShop.Benchmarks;

/// <summary>
/// A loopback port free right now, for a server whose port another process must know before that server starts
/// (an actor app is configured with its sidecar's HTTP port). Another process could take it in between; on a
/// machine reserved for benchmarking that does not happen, and the start-up then fails loudly rather than mismeasures.
/// </summary>
public static class FreeLoopbackPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
