using DaprShop.Actors;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>One actor per scheduled activity (actor id = its TaskExecutionKey).</summary>
public interface IActivityActor : IActor
{
    /// <summary>Accepts the request durably and runs it from a reminder; a repeated request is ignored.</summary>
    Task RunAsync(ActivityRequest request);
}
