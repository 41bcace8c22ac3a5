using DaprShop.Sidecar.Components;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Sidecar.Tests.Components;

internal static class TestContexts
{
    public static ComponentContext Create(string workingDirectory, params (string Key, string Value)[] metadata) =>
        new("test-component", "test-app", workingDirectory,
            metadata.ToDictionary(entry => entry.Key, entry => entry.Value),
            new SharedResources(), NullLoggerFactory.Instance);
}

/// <summary>A clock the test moves by hand; timers still run on the real clock.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("daprshop-tests-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still held open by a failed test must not hide that test's failure */ }
    }
}
