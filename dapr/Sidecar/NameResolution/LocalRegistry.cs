using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Sidecar.NameResolution;

/// <summary>
/// Name resolution for sidecars on one machine, in the spirit of Dapr's sqlite resolver: each sidecar registers its
/// app id and internal port as a file under a shared directory; resolution reads them, skips entries whose process
/// is gone and picks instances round-robin. Sidecars in the same process are found without touching the disk.
/// </summary>
public sealed class LocalRegistry
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<Registration>> InProcess = new();
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);

    /// <summary>Bumped by every in-process register and unregister, so cached host lists know they are stale.</summary>
    private static int _inProcessVersion;

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, (DateTime ReadAt, Registration[] Entries)> _diskCache = new();
    private volatile DiskListing? _allOnDisk;
    private readonly ConcurrentDictionary<string, ActorHostListing> _actorHosts = new(StringComparer.Ordinal);
    private int _roundRobin;

    public LocalRegistry(string? directory = null)
    {
        _directory = directory
            ?? Environment.GetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR")
            ?? Path.Combine(Path.GetTempPath(), "daprshop-sidecar-registry");
    }

    public sealed record Registration(string AppId, string Address, int InternalPort, int Pid)
    {
        /// <summary>Actor types the app hosts (from its /dapr/config), so other sidecars can place actors on it.</summary>
        public IReadOnlyList<string> ActorTypes { get; init; } = [];

        [JsonIgnore]
        public Uri BaseAddress { get; } = new($"http://{Address}:{InternalPort}/");

        /// <summary>The sidecar itself when it runs in this process, so callers here can skip the loopback hop.</summary>
        [JsonIgnore]
        public SidecarRuntime? Local { get; init; }

        /// <summary>The order every sidecar lists hosts in, so all map an actor id onto the same one.</summary>
        public static readonly Comparer<Registration> ByBaseAddress =
            Comparer<Registration>.Create((a, b) => string.CompareOrdinal(a.BaseAddress.ToString(), b.BaseAddress.ToString()));
    }

    /// <summary>Registers an instance; dispose the result to remove it.</summary>
    public IDisposable Register(SidecarRuntime sidecar, string address)
    {
        var appId = sidecar.Options.AppId;
        var internalPort = sidecar.InternalPort;
        var registration = new Registration(appId, address, internalPort, Environment.ProcessId)
        {
            Local = sidecar,
            ActorTypes = sidecar.Actors.HostedTypes.ToArray(),
        };
        InProcess.AddOrUpdate(appId, _ => [registration], (_, existing) => existing.Add(registration));
        Interlocked.Increment(ref _inProcessVersion);
        var file = Path.Combine(_directory, Sanitize(appId), $"{registration.Pid}-{internalPort}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(registration));
        return new Unregister(() =>
        {
            InProcess.AddOrUpdate(appId, _ => [], (_, existing) => existing.Remove(registration));
            Interlocked.Increment(ref _inProcessVersion);
            try { File.Delete(file); } catch (IOException) { }
        });
    }

    /// <summary>A live instance of the app, round-robin, preferring instances in this process; null when none is registered.</summary>
    public Registration? Resolve(string appId)
    {
        IReadOnlyList<Registration> entries = InProcess.TryGetValue(appId, out var local) && local.Length > 0 ? local : ReadFromDisk(appId);
        if (entries.Count == 0) return null;
        return entries[(int)((uint)Interlocked.Increment(ref _roundRobin) % entries.Count)];
    }

    /// <summary>
    /// Every live instance, of any app, whose app hosts the actor type, in <see cref="Registration.ByBaseAddress"/>
    /// order; instances in this process come with Local set. Actor placement asks on every call, so the list is
    /// built again only after an in-process registration changed or the disk was listed again; until then the same
    /// instance is returned.
    /// </summary>
    public IReadOnlyList<Registration> ResolveActorHosts(string actorType)
    {
        var version = Volatile.Read(ref _inProcessVersion);
        var disk = AllOnDisk();
        if (_actorHosts.TryGetValue(actorType, out var cached) && cached.InProcessVersion == version && ReferenceEquals(cached.Disk, disk))
            return cached.Hosts;
        var inProcess = InProcess.Values.SelectMany(entries => entries).Where(r => r.ActorTypes.Contains(actorType));
        // Instances of this process are known from memory; a file of ours that memory lacks is one just unregistered.
        var onDisk = disk.Entries.Where(r => r.ActorTypes.Contains(actorType) && r.Pid != Environment.ProcessId);
        var hosts = inProcess.Concat(onDisk).Order(Registration.ByBaseAddress).ToArray();
        _actorHosts[actorType] = new ActorHostListing(version, disk, hosts);
        return hosts;
    }

    /// <summary>Every app's instances on disk, listed at most once per cache lifetime.</summary>
    private DiskListing AllOnDisk()
    {
        if (_allOnDisk is { } cached && DateTime.UtcNow - cached.ReadAt < CacheLifetime) return cached;
        var entries = Directory.Exists(_directory)
            ? Directory.EnumerateDirectories(_directory).SelectMany(directory => ReadFromDisk(Path.GetFileName(directory))).ToArray()
            : [];
        var listing = new DiskListing(DateTime.UtcNow, entries);
        _allOnDisk = listing;
        return listing;
    }

    private sealed record DiskListing(DateTime ReadAt, Registration[] Entries);

    /// <summary>The hosts of one actor type and what they were built from.</summary>
    private sealed record ActorHostListing(int InProcessVersion, DiskListing Disk, Registration[] Hosts);

    private Registration[] ReadFromDisk(string appId)
    {
        if (_diskCache.TryGetValue(appId, out var cached) && DateTime.UtcNow - cached.ReadAt < CacheLifetime) return cached.Entries;
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
        _diskCache[appId] = (DateTime.UtcNow, result);
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
