namespace DaprShop.Actors;

/// <summary>Calls one actor through this app's sidecar (<c>PUT /v1.0/actors/{type}/{id}/method/{method}</c>).</summary>
/// <remarks>
/// The body is the JSON of the argument, the response the JSON of the result. A failed call throws
/// <see cref="ActorMethodInvocationException"/>. Inside an actor turn with reentrancy enabled the turn's
/// <c>Dapr-Reentrancy-Id</c> is sent along, so the call chain may re-enter actors it holds.
/// </remarks>
public abstract class ActorProxy
{
    /// <summary>A typed proxy over the sidecar named by DAPR_HTTP_ENDPOINT / DAPR_HTTP_PORT and DAPR_API_TOKEN.</summary>
    public static TActorInterface Create<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor =>
        ActorProxyFactory.Default.CreateActorProxy<TActorInterface>(actorId, actorType);

    public abstract Task<TResponse> InvokeMethodAsync<TRequest, TResponse>(string method, TRequest data, CancellationToken cancellationToken = default);

    public abstract Task InvokeMethodAsync<TRequest>(string method, TRequest data, CancellationToken cancellationToken = default);

    public abstract Task<TResponse> InvokeMethodAsync<TResponse>(string method, CancellationToken cancellationToken = default);

    public abstract Task InvokeMethodAsync(string method, CancellationToken cancellationToken = default);
}
