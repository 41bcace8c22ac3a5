namespace DaprShop.Sidecar.Runner;

/// <summary>An app of a run could not be started; carries the log lines that explain why.</summary>
internal sealed class AppStartException(string appId, string reason, IReadOnlyList<string> recentLogLines)
    : Exception($"App \"{appId}\" failed to start: {reason}")
{
    public string AppId { get; } = appId;

    public IReadOnlyList<string> RecentLogLines { get; } = recentLogLines;
}
