namespace DaprShop.Workflow.History;

/// <summary>An external event (from a client or another instance's SendEvent).</summary>
public sealed record EventRaisedEvent : HistoryEvent
{
    public required string Name { get; init; }
    public string? Input { get; init; }

    /// <summary>
    /// Set by the sender so a redelivery of the same event is recognised and dropped, while two distinct events
    /// with the same name both count. Events without it are never deduplicated.
    /// </summary>
    public string? DeliveryId { get; init; }
}
