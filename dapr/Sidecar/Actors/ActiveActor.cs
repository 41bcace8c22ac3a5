using System.Collections.Concurrent;

namespace DaprShop.Sidecar.Actors;

/// <summary>An actor activated on this host: its turn lock, its timers, and what idle deactivation needs to know.</summary>
public sealed class ActiveActor(string actorType, string actorId)
{
    public string ActorType { get; } = actorType;
    public string ActorId { get; } = actorId;
    public ActorTurnLock Turn { get; } = new();

    /// <summary>Timers by name; they live only as long as the activation (reference §6.4).</summary>
    public ConcurrentDictionary<string, CancellationTokenSource> Timers { get; } = new();

    /// <summary>Calls holding or waiting for the turn; an actor with any is never idle.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public DateTimeOffset LastUsed { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>Set under the turn lock by deactivation; a call that gets the turn afterwards starts a new activation.</summary>
    public bool Deactivated { get; set; }

    private int _pending;

    public void BeginCall() => Interlocked.Increment(ref _pending);

    public void EndCall()
    {
        LastUsed = DateTimeOffset.UtcNow;
        Interlocked.Decrement(ref _pending);
    }

    public void StopTimers()
    {
        foreach (var name in Timers.Keys)
        {
            if (Timers.TryRemove(name, out var timer)) timer.Cancel();
        }
    }
}
