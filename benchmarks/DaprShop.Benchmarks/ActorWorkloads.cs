using System.Net;

namespace DaprShop.Benchmarks;

/// <summary>
/// Calls of <see cref="BenchmarkActor"/> through the caller's sidecar: <c>PUT /v1.0/actors/{type}/{id}/method/{method}</c>
/// with no body, as a proxy sends a method without an argument. Ids are <c>actor-00000</c> and up.
/// </summary>
public static class ActorWorkloads
{
    /// <summary>Every call to the same actor: its turns are serialized, so calls queue for the turn.</summary>
    public static Workload HotActor(Uri callerSidecar) =>
        new("one actor", _ => Call(callerSidecar, ActorId(0)), HttpStatusCode.OK);

    /// <summary>Calls actor <c>sequence</c> — every id once, in order — so the measured random run finds them all active.</summary>
    public static Workload ActivateEach(Uri callerSidecar) =>
        new("activate each actor", sequence => Call(callerSidecar, ActorId(sequence)), HttpStatusCode.OK);

    public static Workload RandomActors(Uri callerSidecar, int actors) =>
        new("random actors", _ => Call(callerSidecar, ActorId(Random.Shared.Next(actors))), HttpStatusCode.OK);

    public static string MethodPath(string actorId) => $"v1.0/actors/{BenchmarkActor.TypeName}/{actorId}/method/{BenchmarkActor.MethodName}";

    private static HttpRequestMessage Call(Uri callerSidecar, string actorId) => new(HttpMethod.Put, new Uri(callerSidecar, MethodPath(actorId)));

    private static string ActorId(long index) => $"actor-{index:D5}";
}
