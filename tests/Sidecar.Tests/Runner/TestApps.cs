using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>Tiny non-.NET apps for runs: a python3 HTTP server that records what it was started with.</summary>
public static class TestApps
{
    /// <summary>
    /// Writes app.py into <paramref name="directory"/>. Started, it writes env.json (selected variables, cwd, pid),
    /// prints a line to stdout and one to stderr, waits <c>LISTEN_DELAY</c> seconds, then serves on APP_PORT:
    /// "/" answers 200, GET /quit exits with code 7, everything else (the sidecar's /dapr/config…) is 404. With
    /// <c>SUBSCRIBE_TOPIC</c> set it subscribes to that topic of "pubsub" and saves each delivery to received.json.
    /// </summary>
    public static void WritePythonServer(string directory) => File.WriteAllText(Path.Combine(directory, "app.py"), """
        import http.server, json, os, sys, time
        names = ["APP_ID", "APP_PORT", "APP_PROTOCOL", "APP_CHANNEL_ADDRESS", "DAPR_HTTP_PORT", "DAPR_GRPC_PORT",
                 "DAPR_METRICS_PORT", "DAPR_API_TOKEN", "APP_API_TOKEN", "SHARED", "OWN", "HOME"]
        recorded = {name: os.environ.get(name) for name in names}
        recorded["cwd"] = os.getcwd()
        recorded["pid"] = os.getpid()
        with open("env.json", "w") as file:
            json.dump(recorded, file)
        print("hello from " + os.environ["APP_ID"], flush=True)
        print("complaint from " + os.environ["APP_ID"], file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("LISTEN_DELAY", "0")))

        topic = os.environ.get("SUBSCRIBE_TOPIC")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/dapr/subscribe" and topic:
                    body = json.dumps([{"pubsubname": "pubsub", "topic": topic, "route": "/events"}]).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                status = 200 if self.path == "/" or self.path == "/quit" else 404
                self.send_response(status)
                self.end_headers()
                self.wfile.flush()
                if self.path == "/quit":
                    os._exit(7)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path == "/events":
                    with open("received.json.tmp", "wb") as file:
                        file.write(body)
                    os.replace("received.json.tmp", "received.json")
                self.send_response(200 if self.path == "/events" else 404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        http.server.HTTPServer(("127.0.0.1", int(os.environ["APP_PORT"])), Handler).serve_forever()
        """);

    public static Dictionary<string, JsonElement> ReadRecordedEnvironment(string directory) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(directory, "env.json")))!;


    /// <summary>Pids of processes whose working directory is <paramref name="directory"/>, i.e. apps started there.</summary>
    public static List<int> ProcessesIn(string directory)
    {
        var pids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                if (new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget == directory && DaprShop.Sidecar.Runner.ProcessTree.IsRunning(pid)) pids.Add(pid);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
            }
        }
        return pids;
    }

    public static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
