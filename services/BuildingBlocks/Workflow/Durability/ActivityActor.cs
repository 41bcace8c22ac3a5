using DaprShop.Actors;
using DaprShop.Workflow.Execution;

namespace DaprShop.Workflow.Durability;

/// <summary>The activity actor type: <see cref="ActivityBehavior"/> hosted on DaprShop.Actors.</summary>
public sealed class ActivityActor : Actor, IActivityActor
{
    private readonly ActivityBehavior _behavior;

    public ActivityActor(ActorHost host, WorkflowRuntimeOptions registrations, IServiceProvider services, WorkflowActorTypeNames actorTypes, TimeProvider time)
        : base(host)
    {
        _behavior = new ActivityBehavior(registrations, services, host.ProxyFactory, actorTypes, time);
    }

    public Task RunAsync(ActivityRequest request) => _behavior.RunAsync(request);
}
