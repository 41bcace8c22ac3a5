using System.Diagnostics;
using System.Globalization;

namespace DaprShop.Workflow.CrashApp;

/// <summary>
/// One line per call the sidecar makes to a workflow actor of this app ("instance TAB pid TAB enter TAB exit"), so
/// the test can check that no two turns of one instance overlapped across app processes. The call to the app is
/// the turn: the actor reads and commits its state through the sidecar inside it. Times are
/// <see cref="Stopwatch.GetTimestamp"/>, the machine's monotonic clock, comparable between processes on one host.
/// Each process writes its own file, so appends from two processes never interleave.
/// </summary>
public sealed class TurnLog(string directory, string workflowActorType)
{
    private readonly Lock _gate = new();
    private readonly string _path = Path.Combine(directory, $"turns-{Environment.ProcessId}.log");

    public async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments($"/actors/{workflowActorType}", out var rest))
        {
            await next(context);
            return;
        }
        var instanceId = Uri.UnescapeDataString(rest.Value!.Split('/')[1]);
        var enter = Stopwatch.GetTimestamp();
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                Append(instanceId, enter, Stopwatch.GetTimestamp());
            }
        }
        // Recorded as the answer starts, before any of it can reach the caller: a caller that got its answer finds the
        // turn in the log. The actor method has returned, its state committed, so the interval lies inside the turn.
        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            // When the answer starts only after this (an error the server answers) or never (an aborted request).
            Record();
        }
    }

    private void Append(string instanceId, long enter, long exit)
    {
        lock (_gate)
        {
            File.AppendAllText(_path, string.Create(CultureInfo.InvariantCulture, $"{instanceId}\t{Environment.ProcessId}\t{enter}\t{exit}\n"));
        }
    }
}
