namespace DaprShop.Dapr;

/// <summary>Concurrency and consistency of one state operation; null members leave the store's default.</summary>
public sealed class StateOptions
{
    public ConsistencyMode? Consistency { get; set; }

    public ConcurrencyMode? Concurrency { get; set; }
}
