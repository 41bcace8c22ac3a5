namespace DaprShop.Dapr;

public enum ConcurrencyMode
{
    /// <summary>The write succeeds only when the ETag matches; without an ETag, only when the key does not exist yet.</summary>
    FirstWrite,

    /// <summary>The last write wins (Dapr's default).</summary>
    LastWrite,
}
