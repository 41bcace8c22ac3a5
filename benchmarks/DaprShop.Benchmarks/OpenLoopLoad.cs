using System.Diagnostics;

namespace DaprShop.Benchmarks;

/// <summary>
/// Sends at a fixed rate on a timetable fixed in advance and measures each latency from the request's scheduled
/// send time, not from when it was actually sent. A stall in the system under test therefore shows up in every
/// request that should have been sent during it (no coordinated omission), as in wrk2.
/// </summary>
public sealed class OpenLoopLoad(HttpClient client, Workload workload)
{
    private long _completed;
    private long _failed;

    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);

    public async Task<LoadResult> RunAsync(int requestsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(requestsPerSecond * duration.TotalSeconds);
        var latencies = new long[count];
        var lateness = new long[count];
        var sends = new Task[count];
        var ticksBetweenSends = (double)Stopwatch.Frequency / requestsPerSecond;
        var start = Stopwatch.GetTimestamp();

        // A dedicated thread keeps the timetable: a thread-pool thread could be busy with responses when a send is due.
        var dispatched = await Task.Factory.StartNew(() =>
        {
            var index = 0;
            for (; index < count && !cancellationToken.IsCancellationRequested; index++)
            {
                var scheduled = start + (long)(index * ticksBetweenSends);
                PreciseDelay.Until(scheduled);
                lateness[index] = Stopwatch.GetTimestamp() - scheduled;
                sends[index] = SendAsync(index, scheduled, latencies, cancellationToken);
            }
            return index;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        await Task.WhenAll(sends.Take(dispatched));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        // A latency of 0 marks a request that failed (or was never sent): it is counted in Failed, not measured.
        var succeeded = latencies.Where(latency => latency > 0).ToArray();
        return new LoadResult(
            workload.Name, LatencySummary.FromTicks(succeeded), succeeded.Length, Failed, elapsed, LatencySummary.FromTicks(lateness));
    }

    private async Task SendAsync(int index, long scheduled, long[] latencies, CancellationToken cancellationToken)
    {
        if (await RequestOutcome.SendAsync(client, workload, index, cancellationToken))
            latencies[index] = Stopwatch.GetTimestamp() - scheduled;
        else
            Interlocked.Increment(ref _failed);
        Interlocked.Increment(ref _completed);
    }
}
