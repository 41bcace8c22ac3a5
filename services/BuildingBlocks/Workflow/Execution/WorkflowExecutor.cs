using DaprShop.Workflow.History;
using Microsoft.Extensions.Logging;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// Replays workflow code from the start over its past events and then its new events, on one thread, and reports
/// the actions the code issued that history does not contain yet. Pure: no I/O, no clock.
/// </summary>
public sealed class WorkflowExecutor(WorkflowRuntimeOptions registrations, IServiceProvider services, ILoggerFactory loggerFactory)
{
    public ReplayResult Execute(IReadOnlyList<HistoryEvent> pastEvents, IReadOnlyList<HistoryEvent> newEvents)
    {
        var started = pastEvents.Concat(newEvents).OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? throw new ArgumentException("The history has no ExecutionStarted event.", nameof(pastEvents));
        var workflow = registrations.CreateWorkflow(started.Name, services);
        if (workflow is null)
        {
            return new ReplayResult([], null, Failure(new InvalidOperationException($"No workflow named '{started.Name}' is registered.")));
        }

        var context = new ReplayWorkflowContext(started, loggerFactory);
        var synchronizationContext = new WorkflowSynchronizationContext();
        Task<object?>? run = null;
        var events = pastEvents.Select(e => (Event: e, Replaying: true)).Concat(newEvents.Select(e => (Event: e, Replaying: false)));
        foreach (var (historyEvent, replaying) in events)
        {
            context.Replaying = replaying;
            string? nonDeterminism = null;
            synchronizationContext.Run(() =>
            {
                switch (historyEvent)
                {
                    case OrchestratorStartedEvent:
                        context.CurrentTurnStartedAt = historyEvent.Timestamp;
                        break;
                    case ExecutionStartedEvent when run is null:
                        run = Start(workflow, context, started.Input);
                        break;
                    case SchedulingEvent recorded:
                        nonDeterminism = context.MatchRecordedAction(recorded);
                        break;
                    case CompletionEvent completion:
                        context.ApplyCompletion(completion);
                        break;
                    case EventRaisedEvent raised:
                        context.ApplyEventRaised(raised);
                        break;
                }
            });
            if (nonDeterminism is not null)
            {
                // Stop here: applying further history to code that diverged could hand results to the wrong await.
                return new ReplayResult([], context.CustomStatus, Failure(new NonDeterministicWorkflowException(nonDeterminism)));
            }
        }
        return new ReplayResult(context.PendingActions, context.CustomStatus, OutcomeOf(run, context));
    }

    private static WorkflowOutcome.Failed Failure(Exception reason) => new(WorkflowTaskFailureDetails.FromException(reason));

    private static Task<object?> Start(IWorkflow workflow, WorkflowContext context, string? input)
    {
        try
        {
            return workflow.RunAsync(context, WorkflowJson.Deserialize(input, workflow.InputType));
        }
        catch (Exception exception)
        {
            return Task.FromException<object?>(exception);
        }
    }

    private static WorkflowOutcome? OutcomeOf(Task<object?>? run, ReplayWorkflowContext context)
    {
        if (run is null)
        {
            return null;
        }
        if (!run.IsCompleted)
        {
            return context.HasOpenAwaits
                ? null
                : Failure(new InvalidOperationException(
                    $"The workflow awaits something replay can never complete. {WorkflowSynchronizationContext.DeterminismHint}"));
        }
        if (!run.IsCompletedSuccessfully)
        {
            return Failure(run.IsCanceled ? new TaskCanceledException(run) : run.Exception!.InnerException!);
        }
        return context.ContinueAsNewRequest is { } continueAsNew
            ? new WorkflowOutcome.ContinuedAsNew(continueAsNew.Input, continueAsNew.PreserveUnprocessedEvents ? context.UnconsumedEvents : [])
            : new WorkflowOutcome.Completed(WorkflowJson.Serialize(run.Result));
    }
}
