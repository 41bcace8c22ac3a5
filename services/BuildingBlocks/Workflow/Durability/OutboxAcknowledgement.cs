using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>The outbox messages a dispatch delivered; the instance removes exactly these (by value) from its outbox.</summary>
public sealed record OutboxAcknowledgement(IReadOnlyList<OutboxMessage> Dispatched);
