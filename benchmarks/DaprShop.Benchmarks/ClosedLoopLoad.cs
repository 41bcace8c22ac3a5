using System.Diagnostics;

namespace DaprShop.Benchmarks;

/// <summary>
/// A fixed number of connections, each sending its next request as soon as the previous one answers: the highest
/// rate the path sustains at that concurrency. Latency runs from send to response; it includes no queueing, so
/// only the throughput, not the latency, is comparable with the open-loop runs.
/// </summary>
public sealed class ClosedLoopLoad(HttpClient client, Workload workload)
{
    private long _issued;
    private long _completed;
    private long _failed;

    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);

    /// <param name="requestLimit">Stop after this many requests even if time remains (used to fill the state store).</param>
    public async Task<LoadResult> RunAsync(int connections, TimeSpan duration, long requestLimit, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections)
            .Select(_ => Task.Run(() => RunConnectionAsync(stopAt, requestLimit, cancellationToken), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        var latencies = perConnection.SelectMany(list => list).ToArray();
        return new LoadResult(workload.Name, LatencySummary.FromTicks(latencies), latencies.Length, Failed, elapsed, DispatchLateness: null);
    }

    private async Task<List<long>> RunConnectionAsync(long stopAt, long requestLimit, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(capacity: 65_536);
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < stopAt)
        {
            var sequence = Interlocked.Increment(ref _issued) - 1;
            if (sequence >= requestLimit) break;
            var sent = Stopwatch.GetTimestamp();
            if (await RequestOutcome.SendAsync(client, workload, sequence, cancellationToken))
                latencies.Add(Stopwatch.GetTimestamp() - sent);
            else
                Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _completed);
        }
        return latencies;
    }
}
