namespace DaprShop.Workflow.Execution;

/// <summary>The replayed code no longer issues the actions its history recorded; the instance is failed with this.</summary>
public sealed class NonDeterministicWorkflowException(string message) : Exception(message);
