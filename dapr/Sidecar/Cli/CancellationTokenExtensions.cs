namespace DaprShop.Sidecar.Cli;

internal static class CancellationTokenExtensions
{
    /// <summary>A task that completes (successfully) once the token is cancelled, for use with Task.WhenAny.</summary>
    public static Task WhenCancelled(this CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }
}
