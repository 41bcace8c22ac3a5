using System.Net;
using System.Net.Sockets;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// Free TCP ports for the ports a template leaves out, as the CLI's freeport.GetFreePort does (bind port 0, read the
/// port, release it), never handing out a port the template names explicitly or one handed out before.
/// </summary>
internal sealed class PortAllocator(IEnumerable<int> reserved)
{
    private readonly HashSet<int> _taken = [.. reserved];

    public int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (_taken.Add(port)) return port;
        }
    }
}
