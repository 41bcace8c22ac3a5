namespace DaprShop.Actors;

/// <summary>Settings of <see cref="TransactionalOutbox"/> (<c>services.AddTransactionalOutbox(...)</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The state store the callers' transactions run on; the outbox records are saved there too.</summary>
    public string StoreName { get; set; } = "";

    /// <summary>
    /// When the retry reminder first fires, and how often after that while the event is not published. Long enough
    /// that a request that is alive has published and disarmed it by then, so the reminder rarely fires at all.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a reminder that finds no record keeps looking before it unregisters: well past the 100 s a sidecar
    /// call may take, so a transaction still in flight when the reminder first fires is not given up on.
    /// </summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(5);
}
