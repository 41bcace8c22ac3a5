namespace DaprShop.Actors;

/// <summary>Typed proxies (Dapr's ActorProxy / IActorProxyFactory): calls go through the sidecar's actor API.</summary>
public interface IActorProxyFactory
{
    TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor;

    /// <summary>Untyped: <c>InvokeMethodAsync&lt;TRequest,TResponse&gt;(method, data)</c> like Dapr's ActorProxy.Create(id, type).</summary>
    ActorProxy Create(ActorId actorId, string actorType);
}
