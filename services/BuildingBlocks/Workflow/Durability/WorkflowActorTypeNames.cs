namespace DaprShop.Workflow.Durability;

/// <summary>Dapr's internal actor type names for one app's workflow engine.</summary>
public sealed record WorkflowActorTypeNames(string Workflow, string Activity)
{
    public const string DefaultNamespace = "default";

    public static WorkflowActorTypeNames For(string appId, string? @namespace)
    {
        var prefix = $"dapr.internal.{(string.IsNullOrEmpty(@namespace) ? DefaultNamespace : @namespace)}.{appId}";
        return new WorkflowActorTypeNames($"{prefix}.workflow", $"{prefix}.activity");
    }
}
