namespace DaprShop.Sidecar.Actors;

/// <summary>
/// One actor instance's turn: a single call at a time, except that a call carrying the reentrancy id of the call
/// chain holding the turn enters at once (dapr/dapr pkg/actors/internal/locker: same request id re-enters, the stack
/// count may not exceed maxStackDepth, any other id waits).
/// </summary>
public sealed class ActorTurnLock
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private string? _chain;
    private int _depth;

    /// <param name="reentrancyId">The call chain's Dapr-Reentrancy-Id; null when reentrancy is off for the type.</param>
    /// <exception cref="ActorStackDepthException">The chain already holds the turn maxStackDepth times.</exception>
    public async Task<IDisposable> EnterAsync(string? reentrancyId, int maxStackDepth, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (reentrancyId is not null && reentrancyId == _chain)
            {
                if (_depth >= maxStackDepth) throw new ActorStackDepthException();
                _depth++;
                return new Turn(this, reentered: true);
            }
        }
        await _turn.WaitAsync(cancellationToken);
        lock (_gate)
        {
            _chain = reentrancyId;
            _depth = 1;
        }
        return new Turn(this, reentered: false);
    }

    /// <summary>Takes the turn only when it is free right now (used by idle deactivation, which must not queue up).</summary>
    public IDisposable? TryEnter()
    {
        if (!_turn.Wait(0)) return null;
        lock (_gate)
        {
            _chain = null;
            _depth = 1;
        }
        return new Turn(this, reentered: false);
    }

    private void Exit(bool reentered)
    {
        lock (_gate)
        {
            _depth--;
            if (reentered) return;
            _chain = null;
            _depth = 0;
        }
        _turn.Release();
    }

    private sealed class Turn(ActorTurnLock owner, bool reentered) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Exit(reentered);
        }
    }
}

public sealed class ActorStackDepthException() : Exception("maximum stack depth exceeded");
