using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Api;
using DaprShop.Sidecar.NameResolution;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// Where an actor lives, standing in for daprd's placement service: the hosts of a type are the sidecars whose apps
/// registered it (this one, others in this process, others on this machine via <see cref="LocalRegistry"/>), and an
/// id is mapped onto them by a stable hash, so it keeps landing on the same host while the set of hosts is stable
/// (daprd uses a consistent-hash ring; the property callers rely on is the same).
/// </summary>
public sealed class ActorPlacement(SidecarRuntime sidecar)
{
    /// <summary>Marks a call another sidecar forwards to this host's internal port; never reaches an app.</summary>
    public const string ForwardedHeader = "dapr-actor-forwarded";

    /// <summary>Set by a host on its own error answers, so the caller passes daprd's error on instead of treating it as the app's.</summary>
    public const string HostErrorHeader = "dapr-actor-host-error";

    private readonly ConcurrentDictionary<string, HostsOfType> _hostsByType = new(StringComparer.Ordinal);
    private LocalRegistry.Registration? _self;

    /// <summary>Runs the call on the actor's host; Remote tells whether that was another sidecar.</summary>
    public async Task<(ActorReply Reply, bool Remote)> CallAsync(ActorCall call, CancellationToken cancellationToken)
    {
        var host = FindHost(call.ActorType, call.ActorId) ?? throw ActorErrors.NoHost(call.ActorType, call.ActorId);
        var reply = host.Local is { } local
            ? await local.Actors.CallLocalAsync(call, cancellationToken)
            : await ForwardAsync(host.BaseAddress, call, cancellationToken);
        return (reply, host.Local != sidecar);
    }

    public bool IsPlacedHere(string actorType, string actorId) => FindHost(actorType, actorId)?.Local == sidecar;

    /// <summary>The registration of the host for the id; its Local is set when the host runs in this process (or is this sidecar).</summary>
    private LocalRegistry.Registration? FindHost(string actorType, string actorId)
    {
        var hosts = HostsOf(actorType);
        return hosts.Count == 0 ? null : hosts[(int)(Fnv1a.Hash(actorId) % (uint)hosts.Count)];
    }

    /// <summary>
    /// The registry's hosts of the type, plus this sidecar when it hosts the type before its registration is published
    /// (start-up, reminders loading); rebuilt only when the registry's list or that changed.
    /// </summary>
    private IReadOnlyList<LocalRegistry.Registration> HostsOf(string actorType)
    {
        var registered = sidecar.NameResolution.ResolveActorHosts(actorType);
        var hostsHere = sidecar.Actors.Hosts(actorType);
        if (_hostsByType.TryGetValue(actorType, out var cached) && ReferenceEquals(cached.Registered, registered) && cached.HostsHere == hostsHere)
            return cached.Hosts;
        var hosts = registered;
        if (hostsHere)
        {
            var self = _self ??= new LocalRegistry.Registration(sidecar.Options.AppId, "127.0.0.1", sidecar.InternalPort, Environment.ProcessId)
            {
                Local = sidecar,
            };
            if (!registered.Any(h => h.BaseAddress == self.BaseAddress)) hosts = registered.Append(self).Order(LocalRegistry.Registration.ByBaseAddress).ToArray();
        }
        _hostsByType[actorType] = new HostsOfType(registered, hostsHere, hosts);
        return hosts;
    }

    private async Task<ActorReply> ForwardAsync(Uri host, ActorCall call, CancellationToken cancellationToken)
    {
        var target = new Uri(host, $"actors/{Uri.EscapeDataString(call.ActorType)}/{Uri.EscapeDataString(call.ActorId)}/method/{call.Method}{call.QueryString}");
        using var request = ActorHttpMessages.CreateRequest(HttpMethod.Put, target, call.Headers, call.Body);
        request.Headers.TryAddWithoutValidation(ForwardedHeader, "true");
        try
        {
            using var response = await sidecar.Outbound.SendAsync(request, cancellationToken);
            var reply = await ActorHttpMessages.ReadReplyAsync(response, cancellationToken);
            if (reply.Header(HostErrorHeader) is null) return reply;
            var error = JsonSerializer.Deserialize<DaprError>(reply.Body) ?? new DaprError("ERROR", Encoding.UTF8.GetString(reply.Body));
            throw new DaprApiError(reply.Status, error);
        }
        catch (HttpRequestException error)
        {
            throw ActorErrors.Invoke($"error forwarding the call to {host}: {error.Message}");
        }
    }

    /// <summary>The hosts of one actor type and what they were built from.</summary>
    private sealed record HostsOfType(IReadOnlyList<LocalRegistry.Registration> Registered, bool HostsHere, IReadOnlyList<LocalRegistry.Registration> Hosts);
}
