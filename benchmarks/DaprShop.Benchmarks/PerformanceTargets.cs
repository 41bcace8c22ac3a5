namespace DaprShop.Benchmarks;

/// <summary>What the sidecar, the actor runtime and the shop aim for, next to what Dapr publishes for the same work.</summary>
public static class PerformanceTargets
{
    /// <summary>Latency the two hops may add at 1,000 req/s.</summary>
    public const double MaxAddedP90Milliseconds = 0.5;
    public const double MaxAddedP99Milliseconds = 1.0;

    /// <summary>Dapr's published service-invocation overhead for two sidecar hops at 1,000 req/s.</summary>
    public const double DaprAddedP90Milliseconds = 1.4;
    public const double DaprAddedP99Milliseconds = 2.1;

    /// <summary>Throughput through the two sidecars as a fraction of calling the app directly.</summary>
    public const double MinThroughputRatio = 0.5;

    /// <summary>The rate the latency targets are defined at.</summary>
    public const int TargetRequestsPerSecond = 1000;

    /// <summary>Latency of a call to one hot actor, through the caller's sidecar to the actor's host and app.</summary>
    public const double MaxOneActorP99Milliseconds = 5.0;

    /// <summary>Sequential five-activity workflows completed per second with 100 in flight.</summary>
    public const double MinWorkflowsPerSecond = 100;

    /// <summary>What Dapr publishes for comparable workflow shapes on a small cluster, workflows/s.</summary>
    public const string DaprWorkflowsPerSecond = "28–98";

    /// <summary>Browse and search through the gateway: the p99 the highest reported rate must keep.</summary>
    public const double MaxCatalogP99Milliseconds = 50;

    /// <summary>Checkouts completed per second through the gateway (checkout POST to the order seen Paid).</summary>
    public const double MinCheckoutsPerSecond = 100;

    /// <summary>p95 of a checkout, from its POST to the order seen Paid.</summary>
    public const double MaxCheckoutP95Milliseconds = 1000;
}
