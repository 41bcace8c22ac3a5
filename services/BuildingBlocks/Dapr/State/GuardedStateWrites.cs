using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>
/// Writes that succeed only if a key is still as it was read. Dapr reports no ETag for a missing key (a read returns
/// ""), so "still missing" is expressed with first-write instead of an ETag.
/// </summary>
public static class GuardedStateWrites
{
    private static readonly StateOptions MustNotExist = new() { Concurrency = ConcurrencyMode.FirstWrite };

    /// <summary>A transaction's upsert of <paramref name="value"/> as JSON.</summary>
    /// <param name="etagRead">The ETag the key was read with ("" if it did not exist); null writes unconditionally.</param>
    public static StateTransactionRequest Upsert<T>(this DaprClient dapr, string key, T value, string? etagRead) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value, dapr.JsonSerializerOptions), StateOperationType.Upsert,
            etag: etagRead is { Length: > 0 } ? etagRead : null,
            options: etagRead is "" ? MustNotExist : null);

    /// <summary>Saves <paramref name="value"/>; false when the key changed since it was read with <paramref name="etagRead"/> ("" if it did not exist).</summary>
    public static async Task<bool> TrySaveOverReadAsync<T>(
        this DaprClient dapr, string storeName, string key, T value, string etagRead, CancellationToken cancellationToken = default)
    {
        if (etagRead.Length > 0) return await dapr.TrySaveStateAsync(storeName, key, value, etagRead, cancellationToken: cancellationToken);
        try
        {
            await dapr.SaveStateAsync(storeName, key, value, MustNotExist, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprApiException exception) when (exception.IsETagMismatch)
        {
            return false;
        }
    }
}
