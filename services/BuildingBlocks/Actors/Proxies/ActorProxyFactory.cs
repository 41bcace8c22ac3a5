using System.Reflection;
using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>Creates actor proxies over one sidecar (Dapr.Actors' ActorProxyFactory). Thread-safe; keep one.</summary>
public sealed class ActorProxyFactory : IActorProxyFactory
{
    private static readonly Lazy<ActorProxyFactory> DefaultFactory = new(() => new ActorProxyFactory());

    private readonly ActorSidecarClient _sidecar;
    private readonly JsonSerializerOptions _jsonSerializerOptions;

    public ActorProxyFactory(ActorProxyOptions? options = null)
    {
        options ??= new ActorProxyOptions();
        _sidecar = new ActorSidecarClient(new Uri(options.HttpEndpoint, UriKind.Absolute), options.DaprApiToken, options.RequestTimeout);
        _jsonSerializerOptions = options.JsonSerializerOptions;
    }

    internal ActorProxyFactory(ActorSidecarClient sidecar, JsonSerializerOptions jsonSerializerOptions)
    {
        _sidecar = sidecar;
        _jsonSerializerOptions = jsonSerializerOptions;
    }

    /// <summary>The factory behind the static <see cref="ActorProxy.Create{TActorInterface}"/>, configured from the environment.</summary>
    internal static ActorProxyFactory Default => DefaultFactory.Value;

    public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor
    {
        var proxy = DispatchProxy.Create<TActorInterface, ActorInterfaceProxy>();
        ((ActorInterfaceProxy)(object)proxy).Initialize(CreateHttpProxy(actorId, actorType), ActorInterfaceProxy.ShapesOf(typeof(TActorInterface)));
        return proxy;
    }

    public ActorProxy Create(ActorId actorId, string actorType) => CreateHttpProxy(actorId, actorType);

    private HttpActorProxy CreateHttpProxy(ActorId actorId, string actorType)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        ArgumentException.ThrowIfNullOrEmpty(actorType);
        return new HttpActorProxy(_sidecar, actorId, actorType, _jsonSerializerOptions);
    }
}
