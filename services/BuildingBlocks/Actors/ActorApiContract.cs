// The public surface of DaprShop.Actors, shaped like Dapr.Actors / Dapr.Actors.AspNetCore (dapr/dotnet-sdk), fixed
// first so the workflow engine can be written against it while the library is implemented. Bodies are filled in
// by the library's implementation; this file is then split into one file per type.
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>Marker for actor interfaces: methods return Task or Task&lt;T&gt; and take zero or one argument (JSON).</summary>
public interface IActor;

/// <summary>An actor's id (Dapr's ActorId).</summary>
public sealed record ActorId(string Id)
{
    public static ActorId CreateRandom() => new(Guid.NewGuid().ToString("N"));
    public string GetId() => Id;
    public override string ToString() => Id;
}

/// <summary>Reminders are delivered to actors implementing this (Dapr's IRemindable).</summary>
public interface IRemindable
{
    Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period);
}

public interface IActorReminder
{
    string Name { get; }
    byte[] State { get; }
    TimeSpan DueTime { get; }
    TimeSpan Period { get; }
}

/// <summary>Per-turn cached state, saved transactionally at the end of the turn (Dapr's IActorStateManager).</summary>
public interface IActorStateManager
{
    Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);
    Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default);
    Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);
    Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default);
    Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);
    Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default);
    Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default);
    Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default);
    Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default);
    Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default);
    Task ClearCacheAsync(CancellationToken cancellationToken = default);
    Task SaveStateAsync(CancellationToken cancellationToken = default);
}

public readonly record struct ConditionalValue<T>(bool HasValue, T Value);

/// <summary>What an actor instance is given at construction (Dapr's ActorHost).</summary>
public sealed class ActorHost
{
    public required ActorId Id { get; init; }
    public required string ActorTypeName { get; init; }
    public required ILoggerFactory LoggerFactory { get; init; }
    public required JsonSerializerOptions JsonSerializerOptions { get; init; }
    public required IActorProxyFactory ProxyFactory { get; init; }
}

/// <summary>Base class of every actor (Dapr's Actor).</summary>
public abstract class Actor(ActorHost host)
{
    public ActorId Id => host.Id;
    public ActorHost Host => host;
    protected IActorStateManager StateManager => throw new NotImplementedException();
    protected ILogger Logger => throw new NotImplementedException();
    protected virtual Task OnActivateAsync() => Task.CompletedTask;
    protected virtual Task OnDeactivateAsync() => Task.CompletedTask;
    protected virtual Task OnPreActorMethodAsync(ActorMethodContext context) => Task.CompletedTask;
    protected virtual Task OnPostActorMethodAsync(ActorMethodContext context) => Task.CompletedTask;
    protected Task<IActorReminder> RegisterReminderAsync(string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period) => throw new NotImplementedException();
    protected Task<IActorReminder> RegisterReminderAsync(string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period, TimeSpan ttl) => throw new NotImplementedException();
    protected Task<IActorReminder?> GetReminderAsync(string reminderName) => throw new NotImplementedException();
    protected Task UnregisterReminderAsync(string reminderName) => throw new NotImplementedException();
    protected Task RegisterTimerAsync(string? timerName, string callback, byte[]? callbackParams, TimeSpan dueTime, TimeSpan period) => throw new NotImplementedException();
    protected Task UnregisterTimerAsync(string timerName) => throw new NotImplementedException();
}

public sealed record ActorMethodContext(string MethodName, ActorCallType CallType);

public enum ActorCallType { ActorInterfaceMethod, TimerMethod, ReminderMethod }

/// <summary>Typed proxies (Dapr's ActorProxy / IActorProxyFactory): calls go through the sidecar's actor API.</summary>
public interface IActorProxyFactory
{
    TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor;

    /// <summary>Untyped: <c>InvokeMethodAsync&lt;TRequest,TResponse&gt;(method, data)</c> like Dapr's ActorProxy.Create(id, type).</summary>
    ActorProxy Create(ActorId actorId, string actorType);
}

public abstract class ActorProxy
{
    public static TActorInterface Create<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor => throw new NotImplementedException();
    public abstract Task<TResponse> InvokeMethodAsync<TRequest, TResponse>(string method, TRequest data, CancellationToken cancellationToken = default);
    public abstract Task InvokeMethodAsync<TRequest>(string method, TRequest data, CancellationToken cancellationToken = default);
    public abstract Task<TResponse> InvokeMethodAsync<TResponse>(string method, CancellationToken cancellationToken = default);
    public abstract Task InvokeMethodAsync(string method, CancellationToken cancellationToken = default);
}

/// <summary>Registration (Dapr's ActorRuntimeOptions) used by <c>services.AddActors(options =&gt; ...)</c>.</summary>
public sealed class ActorRuntimeOptions
{
    public ActorRegistrationCollection Actors { get; } = new();
    public TimeSpan? ActorIdleTimeout { get; set; }
    public TimeSpan? DrainOngoingCallTimeout { get; set; }
    public ActorReentrancyConfig ReentrancyConfig { get; set; } = new();
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}

public sealed class ActorReentrancyConfig
{
    public bool Enabled { get; set; }
    public int? MaxStackDepth { get; set; }
}

public sealed class ActorRegistrationCollection
{
    /// <summary>Registers an actor type under its class name or <paramref name="typeName"/>.</summary>
    public void RegisterActor<TActor>(string? typeName = null) where TActor : Actor => throw new NotImplementedException();
}

public static class ActorsServiceCollectionExtensions
{
    public static IServiceCollection AddActors(this IServiceCollection services, Action<ActorRuntimeOptions> configure) => throw new NotImplementedException();
}

public static class ActorsEndpointRouteBuilderExtensions
{
    /// <summary>Maps the endpoints daprd calls: GET /dapr/config, PUT /actors/{type}/{id}/method/..., DELETE /actors/{type}/{id}.</summary>
    public static IEndpointRouteBuilder MapActorsHandlers(this IEndpointRouteBuilder endpoints) => throw new NotImplementedException();
}
