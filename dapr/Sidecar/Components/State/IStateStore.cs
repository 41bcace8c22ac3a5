namespace DaprShop.Sidecar.Components.State;

/// <summary>
/// A Dapr state store as the sidecar sees it. Keys arrive already prefixed (<c>appid||key</c>);
/// values are the JSON text of what the client saved, stored and returned byte for byte.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>Dapr feature names reported by the metadata API: ETAG, TRANSACTIONAL, TTL, ...</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>Returns null when the key does not exist (or has expired).</summary>
    Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <exception cref="StateETagMismatchException">ETag given and not matching, or first-write on an existing key.</exception>
    /// <exception cref="StateInvalidETagException">ETag not in a format the store accepts.</exception>
    /// <exception cref="StateStoreException">Any other store failure, including bad metadata such as a non-numeric ttlInSeconds.</exception>
    Task SetAsync(StateSetRequest request, CancellationToken cancellationToken);

    /// <exception cref="StateETagMismatchException">ETag given and not matching.</exception>
    Task DeleteAsync(StateDeleteRequest request, CancellationToken cancellationToken);

    /// <summary>All or nothing. Any failure (ETag mismatch included) throws and leaves the store unchanged.</summary>
    Task ExecuteTransactionAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken);
}

/// <param name="Value">Stored bytes (the JSON text of the saved value).</param>
/// <param name="Metadata">Response metadata, e.g. <c>ttlExpireTime</c> (RFC 3339) for items saved with a TTL.</param>
public sealed record StateEntry(byte[] Value, string? ETag, IReadOnlyDictionary<string, string> Metadata);

/// <param name="Metadata">Request metadata, e.g. <c>ttlInSeconds</c>, <c>contentType</c>.</param>
public sealed record StateSetRequest(
    string Key,
    byte[] Value,
    string? ETag,
    StateConcurrency Concurrency,
    IReadOnlyDictionary<string, string> Metadata);

public sealed record StateDeleteRequest(
    string Key,
    string? ETag,
    StateConcurrency Concurrency,
    IReadOnlyDictionary<string, string> Metadata);

public enum StateConcurrency { LastWrite, FirstWrite }

/// <summary>One transaction step: exactly one of Set or Delete is non-null.</summary>
public sealed record StateOperation(StateSetRequest? Set, StateDeleteRequest? Delete)
{
    public static StateOperation Upsert(StateSetRequest request) => new(request, null);
    public static StateOperation Remove(StateDeleteRequest request) => new(null, request);
}

public class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class StateETagMismatchException(string message) : StateStoreException(message);

public sealed class StateInvalidETagException(string message) : StateStoreException(message);
