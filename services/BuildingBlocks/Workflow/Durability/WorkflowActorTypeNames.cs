namespace DaprShop.Workflow.Durability;

/// <summary>Dapr's internal actor type names for one app's workflow engine (activities run in process, <see cref="ActivityRunner"/>).</summary>
public sealed record WorkflowActorTypeNames(string Workflow)
{
    public const string DefaultNamespace = "default";

    public static WorkflowActorTypeNames For(string appId, string? @namespace) =>
        new($"dapr.internal.{(string.IsNullOrEmpty(@namespace) ? DefaultNamespace : @namespace)}.{appId}.workflow");
}
