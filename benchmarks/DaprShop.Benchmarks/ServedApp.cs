namespace DaprShop.Benchmarks;

/// <summary>
/// The app a benchmark measures behind sidecar B: its app id and the mode this exe serves it in. An app that hosts
/// actors calls its own sidecar (state, reminders), so it is told B's HTTP port, and both sidecars get the actor
/// state store: daprd runs its actor runtime, the calling side included, only with one.
/// </summary>
public sealed record ServedApp(string AppId, string ServeMode, bool HostsActors)
{
    /// <summary>The invocation target of the <c>sidecar</c> command.</summary>
    public static readonly ServedApp Invocation = new(BenchmarkApp.AppId, "serve-app", HostsActors: false);

    /// <summary>The benchmark actor's host of the <c>actors</c> command.</summary>
    public static readonly ServedApp Actors = new(BenchmarkActorApp.AppId, BenchmarkActorApp.ServeMode, HostsActors: true);

    /// <summary>The workflow engine's host of the <c>workflows</c> command; its workflows and activities are actors.</summary>
    public static readonly ServedApp Workflows = new(BenchmarkWorkflowApp.AppId, BenchmarkWorkflowApp.ServeMode, HostsActors: true);
}
