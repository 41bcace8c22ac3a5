namespace DaprShop.Workflow.History;

/// <summary>Opens every turn; its timestamp is the workflow's deterministic clock.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;
