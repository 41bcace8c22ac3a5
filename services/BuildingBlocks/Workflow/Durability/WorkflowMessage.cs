using DaprShop.Workflow.History;

namespace DaprShop.Workflow.Durability;

/// <summary>
/// An event for an instance's inbox, wrapped so it always serializes through its polymorphic base type whatever
/// the actor transport does with argument types.
/// </summary>
public sealed record WorkflowMessage(HistoryEvent Event);
