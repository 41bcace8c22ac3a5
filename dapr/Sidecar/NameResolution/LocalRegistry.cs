using System.Collections.Concurrent;
using System.Text.Json;

namespace DaprShop.Sidecar.NameResolution;

/// <summary>
/// Name resolution for sidecars on one machine, in the spirit of Dapr's sqlite resolver: each sidecar registers its
/// app id and internal port as a file under a shared directory; resolution reads them, skips entries whose process
/// is gone and picks instances round-robin. Sidecars in the same process are found without touching the disk.
/// </summary>
public sealed class LocalRegistry
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<int, Registration>> InProcess = new();
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, (DateTime ReadAt, Registration[] Entries)> _cache = new();
    private int _roundRobin;

    public LocalRegistry(string? directory = null)
    {
        _directory = directory
            ?? Environment.GetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR")
            ?? Path.Combine(Path.GetTempPath(), "daprshop-sidecar-registry");
    }

    public sealed record Registration(string AppId, string Address, int InternalPort, int Pid);

    /// <summary>Registers an instance; dispose the result to remove it.</summary>
    public IDisposable Register(string appId, string address, int internalPort)
    {
        var registration = new Registration(appId, address, internalPort, Environment.ProcessId);
        InProcess.GetOrAdd(appId, _ => new()).TryAdd(internalPort, registration);
        var file = Path.Combine(_directory, Sanitize(appId), $"{registration.Pid}-{internalPort}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(registration));
        return new Unregister(() =>
        {
            if (InProcess.TryGetValue(appId, out var instances)) instances.TryRemove(internalPort, out _);
            try { File.Delete(file); } catch (IOException) { }
        });
    }

    /// <summary>The base address of an instance's internal endpoint, or null when no live instance is registered.</summary>
    public Uri? Resolve(string appId)
    {
        var entries = InProcess.TryGetValue(appId, out var local) && !local.IsEmpty
            ? local.Values.ToArray()
            : ReadFromDisk(appId);
        if (entries.Length == 0) return null;
        var chosen = entries[(int)((uint)Interlocked.Increment(ref _roundRobin) % entries.Length)];
        return new Uri($"http://{chosen.Address}:{chosen.InternalPort}");
    }

    private Registration[] ReadFromDisk(string appId)
    {
        if (_cache.TryGetValue(appId, out var cached) && DateTime.UtcNow - cached.ReadAt < CacheLifetime) return cached.Entries;
        var directory = Path.Combine(_directory, Sanitize(appId));
        var entries = new List<Registration>();
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
            {
                try
                {
                    var registration = JsonSerializer.Deserialize<Registration>(File.ReadAllText(file));
                    if (registration is null) continue;
                    if (IsAlive(registration.Pid)) entries.Add(registration);
                    else File.Delete(file);
                }
                catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
                {
                }
            }
        }
        var result = entries.ToArray();
        _cache[appId] = (DateTime.UtcNow, result);
        return result;
    }

    private static bool IsAlive(int pid) =>
        OperatingSystem.IsLinux() ? Directory.Exists($"/proc/{pid}") : ProcessExists(pid);

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Sanitize(string appId) =>
        string.Concat(appId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private sealed class Unregister(Action action) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) action();
        }
    }
}
