namespace DaprShop.Cart.Lookups;

public enum LookupStatus
{
    Found,
    NotFound,
    /// <summary>The other app could not answer (down, failing, or an answer that is not the contract).</summary>
    Unavailable,
}

/// <summary>What another app said about one thing cart asked for.</summary>
public sealed record Lookup<T>(LookupStatus Status, T? Value) where T : class
{
    public static Lookup<T> NotFound { get; } = new(LookupStatus.NotFound, null);

    public static Lookup<T> Unavailable { get; } = new(LookupStatus.Unavailable, null);

    public static Lookup<T> Found(T value) => new(LookupStatus.Found, value);
}
