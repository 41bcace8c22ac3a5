using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components;

/// <summary>What a component needs to know about the sidecar that loads it.</summary>
/// <param name="AppId">The app id of the sidecar loading the component.</param>
/// <param name="WorkingDirectory">Relative file paths in component metadata resolve against this, as daprd resolves them against its cwd.</param>
/// <param name="Metadata">Component metadata with secret and env references already resolved.</param>
/// <param name="Shared">Objects shared by all sidecars of one process (the in-memory broker of a multi-app run).</param>
public sealed record ComponentContext(
    string Name,
    string AppId,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Metadata,
    SharedResources Shared,
    ILoggerFactory LoggerFactory)
{
    public string? Get(string key) =>
        Metadata.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    public string Require(string key) =>
        Get(key) is { Length: > 0 } value ? value : throw new ComponentInitException($"component {Name}: metadata field '{key}' is required");

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}

public sealed class ComponentInitException(string message, Exception? inner = null) : Exception(message, inner);
