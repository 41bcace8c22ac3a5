namespace DaprShop.Dapr;

/// <summary>One key of a bulk get, its value as JSON text ("" when the key does not exist).</summary>
/// <param name="Error">The store's error for this key; bulk get reports per-key failures inline instead of failing the call.</param>
public readonly record struct BulkStateItem(string Key, string Value, string ETag, string? Error = null);

/// <summary>One key of a typed bulk get; <see cref="Value"/> is default when the key does not exist.</summary>
public readonly record struct BulkStateItem<TValue>(string Key, TValue? Value, string ETag, string? Error = null);
