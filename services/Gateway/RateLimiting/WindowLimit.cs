namespace DaprShop.Gateway.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per client in each fixed <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    /// <summary>A TimeSpan in configuration: <c>"00:01:00"</c>.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsValid => PermitLimit > 0 && Window > TimeSpan.Zero;
}
