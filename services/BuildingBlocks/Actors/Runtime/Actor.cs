using Microsoft.Extensions.Logging;

namespace DaprShop.Actors;

/// <summary>Base class of every actor (Dapr's Actor).</summary>
/// <remarks>
/// The runtime drives each turn as Dapr.Actors' ActorManager does: <see cref="OnPreActorMethodAsync"/>, the method,
/// <see cref="OnPostActorMethodAsync"/>, then one transactional save of the changed state; when any of that throws,
/// the unsaved changes are dropped from the cache so the next turn sees what is stored.
/// </remarks>
public abstract class Actor(ActorHost host)
{
    private ActorStateManager? _stateManager;
    private ILogger? _logger;

    public ActorId Id => host.Id;

    public ActorHost Host => host;

    protected IActorStateManager StateManager => StateManagerCore;

    protected ILogger Logger => _logger ??= host.LoggerFactory.CreateLogger(GetType());

    private ActorStateManager StateManagerCore => _stateManager ??= new ActorStateManager(
        host.ActorTypeName,
        host.Id.Id,
        Sidecar,
        host.JsonSerializerOptions);

    private ActorSidecarClient Sidecar => host.Sidecar ?? throw NotHosted();

    protected virtual Task OnActivateAsync() => Task.CompletedTask;

    protected virtual Task OnDeactivateAsync() => Task.CompletedTask;

    protected virtual Task OnPreActorMethodAsync(ActorMethodContext context) => Task.CompletedTask;

    protected virtual Task OnPostActorMethodAsync(ActorMethodContext context) => Task.CompletedTask;

    /// <param name="period"><c>TimeSpan.FromMilliseconds(-1)</c> for a reminder that fires once.</param>
    protected Task<IActorReminder> RegisterReminderAsync(string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period) =>
        RegisterReminderCoreAsync(reminderName, state, dueTime, period, ttl: null);

    /// <param name="ttl">After how long (from the first due time) the reminder stops firing.</param>
    protected Task<IActorReminder> RegisterReminderAsync(string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period, TimeSpan ttl) =>
        RegisterReminderCoreAsync(reminderName, state, dueTime, period, ttl);

    protected Task<IActorReminder?> GetReminderAsync(string reminderName) =>
        Sidecar.GetReminderAsync(host.ActorTypeName, Id.Id, reminderName, CancellationToken.None);

    protected Task UnregisterReminderAsync(string reminderName) =>
        Sidecar.UnregisterReminderAsync(host.ActorTypeName, Id.Id, reminderName, CancellationToken.None);

    /// <param name="timerName">Null names the timer with a new GUID, as Dapr.Actors does.</param>
    /// <param name="callback">An instance method of this actor returning Task, taking nothing or the <c>byte[]</c> <paramref name="callbackParams"/>.</param>
    /// <exception cref="ArgumentException">The actor has no such callback method (checked now rather than at every tick).</exception>
    protected Task RegisterTimerAsync(string? timerName, string callback, byte[]? callbackParams, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(callback);
        if (ActorTypeInformation.FindTimerCallback(GetType(), callback) is null)
        {
            throw new ArgumentException($"Actor {GetType().Name} has no timer callback '{callback}' returning Task and taking nothing or byte[].", nameof(callback));
        }

        return Sidecar.RegisterTimerAsync(
            host.ActorTypeName, Id.Id, timerName ?? Guid.NewGuid().ToString(), callback, callbackParams, dueTime, period, CancellationToken.None);
    }

    protected Task UnregisterTimerAsync(string timerName) =>
        Sidecar.UnregisterTimerAsync(host.ActorTypeName, Id.Id, timerName, CancellationToken.None);

    internal async Task OnActivateInternalAsync()
    {
        await StateManagerCore.ClearCacheAsync();
        await OnActivateAsync();
        await StateManagerCore.SaveStateAsync();
    }

    internal async Task OnDeactivateInternalAsync()
    {
        await StateManagerCore.ClearCacheAsync();
        await OnDeactivateAsync();
    }

    internal Task OnPreActorMethodInternalAsync(ActorMethodContext context) => OnPreActorMethodAsync(context);

    internal async Task OnPostActorMethodInternalAsync(ActorMethodContext context)
    {
        await OnPostActorMethodAsync(context);
        await StateManagerCore.SaveStateAsync();
    }

    internal Task OnInvokeFailedAsync() => StateManagerCore.ClearCacheAsync();

    private async Task<IActorReminder> RegisterReminderCoreAsync(string reminderName, byte[]? state, TimeSpan dueTime, TimeSpan period, TimeSpan? ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        await Sidecar.RegisterReminderAsync(host.ActorTypeName, Id.Id, reminderName, state, dueTime, period, ttl, CancellationToken.None);
        return new ActorReminder(reminderName, state ?? [], dueTime, period);
    }

    private static InvalidOperationException NotHosted() =>
        new("This actor was not created by the actor runtime, so it has no sidecar for state, reminders or timers.");
}
