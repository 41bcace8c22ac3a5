using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Execution;

/// <summary>Append <see cref="Event"/> to another instance's inbox (child start, event, parent result, terminate).</summary>
public sealed record InstanceMessage(string TargetInstanceId, HistoryEvent Event) : OutboxMessage;
