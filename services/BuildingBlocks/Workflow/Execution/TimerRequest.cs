using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>Deliver <see cref="Fired"/> to the instance once its FireAt is due.</summary>
public sealed record TimerRequest(string InstanceId, TimerFiredEvent Fired) : OutboxMessage;
