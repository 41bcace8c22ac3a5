using System.Diagnostics;
using DaprShop.Dapr;
using DaprShop.Workflow;

namespace DaprShop.Benchmarks;

/// <summary>
/// Keeps a fixed number of <see cref="FiveStepWorkflow"/> instances in flight until a total has finished: each slot
/// schedules an instance, waits for it to finish, and schedules the next. A completion time runs from just before the
/// schedule call to the timestamp the engine gave the instance's completion (same machine clock), so how often the
/// generator looks does not change it; looking late only leaves a slot empty for a moment.
/// </summary>
public sealed class WorkflowLoad(DaprWorkflowClient client, string instanceIdPrefix)
{
    /// <summary>Short against a workflow's run time, long enough that status reads stay a small part of the load.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private long _scheduled;
    private long _finished;
    private long _failed;
    private long _statusReads;
    private long _lastCompletionTicks;

    public long Finished => Interlocked.Read(ref _finished);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Status reads per finished instance: the generator's own share of the actor calls.</summary>
    public double StatusReadsPerWorkflow => (double)Interlocked.Read(ref _statusReads) / Math.Max(1, Finished);

    public async Task<LoadResult> RunAsync(string name, int inFlight, int total, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var perSlot = await Task.WhenAll(Enumerable.Range(0, inFlight)
            .Select(_ => Task.Run(() => RunSlotAsync(total, cancellationToken), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        var completionTimes = perSlot.SelectMany(list => list).ToArray();
        return new LoadResult(name, LatencySummary.FromDurations(completionTimes), completionTimes.Length, Failed, elapsed, DispatchLateness: null);
    }

    private async Task<List<TimeSpan>> RunSlotAsync(int total, CancellationToken cancellationToken)
    {
        var completionTimes = new List<TimeSpan>();
        while (!cancellationToken.IsCancellationRequested && Interlocked.Increment(ref _scheduled) is var sequence && sequence <= total)
        {
            if (await RunInstanceAsync($"{instanceIdPrefix}-{sequence:D6}", cancellationToken) is { } completionTime)
                completionTimes.Add(completionTime);
            else
                Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _finished);
        }
        return completionTimes;
    }

    /// <summary>The instance's completion time, or null when it failed, was not accepted or could not be read.</summary>
    private async Task<TimeSpan?> RunInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var scheduledAt = DateTimeOffset.UtcNow;
            await client.ScheduleNewWorkflowAsync(nameof(FiveStepWorkflow), instanceId, input: 0);
            // The first look comes when the last instance took to finish, so the generator reads each status about once.
            await Task.Delay(TimeSpan.FromTicks(Math.Max(PollInterval.Ticks, Interlocked.Read(ref _lastCompletionTicks))), cancellationToken);
            while (true)
            {
                Interlocked.Increment(ref _statusReads);
                var state = await client.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
                if (state.IsWorkflowCompleted)
                {
                    if (state.RuntimeStatus != WorkflowRuntimeStatus.Completed) return null;
                    var completionTime = state.LastUpdatedAt - scheduledAt;
                    Interlocked.Exchange(ref _lastCompletionTicks, completionTime.Ticks);
                    return completionTime;
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (Exception error) when (error is DaprException or HttpRequestException or InvalidOperationException)
        {
            return null;
        }
    }
}
