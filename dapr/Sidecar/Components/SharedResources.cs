using System.Collections.Concurrent;

namespace DaprShop.Sidecar.Components;

/// <summary>
/// Objects shared by every sidecar hosted in one process. A multi-app run hosts all its sidecars in one process,
/// so an in-memory broker named "pubsub" is one broker for all apps of the run.
/// </summary>
public sealed class SharedResources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _objects = new();

    public T GetOrAdd<T>(string key, Func<T> create) where T : class =>
        (T)_objects.GetOrAdd($"{typeof(T).FullName}/{key}", _ => new Lazy<object>(() => create())).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _objects.Values.Where(lazy => lazy.IsValueCreated))
        {
            if (entry.Value is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (entry.Value is IDisposable disposable) disposable.Dispose();
        }
        _objects.Clear();
    }
}
