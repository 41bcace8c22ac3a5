using System.Runtime;
using System.Text.Json;

namespace DaprShop.Benchmarks;

/// <summary>
/// How the benchmark talks to its child processes over their standard streams. The child writes one
/// <c>ready {json}</c> line once it serves; the parent writes <c>counters</c> lines and the child answers each with
/// <c>counters {json}</c>. Logs go to standard error so standard output carries only these lines. When the parent's
/// end of standard input closes — on exit, on Ctrl+C, or when it is killed — the child stops, so no child outlives a run.
/// </summary>
public static class ChildProtocol
{
    public const string ReadyPrefix = "ready ";
    public const string CountersRequest = "counters";
    public const string CountersPrefix = "counters ";

    /// <summary>What a child reports once it serves: its ports and the GC it really runs with.</summary>
    public sealed record Ready(int HttpPort, int? InternalPort, bool ServerGc, bool ConcurrentGc);

    /// <summary>Announces readiness, then answers counter requests until standard input closes.</summary>
    public static Task ServeUntilParentLeavesAsync(int httpPort, int? internalPort)
    {
        var ready = new Ready(httpPort, internalPort, GCSettings.IsServerGC, GCSettings.LatencyMode != GCLatencyMode.Batch);
        // Console input blocks its thread, ReadLineAsync included. On a thread-pool thread — or on the socket event
        // thread an await may resume on — that would take a thread from the server being measured, so it gets its own.
        return Task.Factory.StartNew(() =>
        {
            Console.Out.WriteLine(ReadyPrefix + JsonSerializer.Serialize(ready));
            while (Console.In.ReadLine() is { } line)
            {
                if (line == CountersRequest) Console.Out.WriteLine(CountersPrefix + JsonSerializer.Serialize(ProcessCounters.Capture()));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
