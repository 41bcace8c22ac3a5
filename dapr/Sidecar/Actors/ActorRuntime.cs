using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using DaprShop.Sidecar.Api;
using DaprShop.Sidecar.Components.State;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// The actor host side of one sidecar: the types its app registered through /dapr/config, the actors active here with
/// their turn locks and timers, reminders of the hosted types, idle deactivation and draining on shutdown.
/// Created lazily by <see cref="SidecarRuntime.Actors"/>, so the constructor must stay free of side effects.
/// </summary>
public sealed class ActorRuntime(SidecarRuntime sidecar)
{
    public const string ReminderCancelHeader = "X-DaprReminderCancel";

    private readonly ConcurrentDictionary<(string Type, string Id), ActiveActor> _active = new();
    /// <summary>daprd reevaluates reminders when placement changes; the registry has no change feed, so this is how often.</summary>
    private static readonly TimeSpan ReminderEvaluationInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Type, string Id, string Name), RunningReminder> _reminders = new();

    /// <summary>
    /// Per reminder storage partition, serializes create, delete and evaluation, so none of them resurrects what another
    /// just stopped; partitions change independently of each other.
    /// </summary>
    private readonly ConcurrentDictionary<(string Type, int Partition), SemaphoreSlim> _reminderChanges = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _runningSchedules = new();
    private ReminderStore? _reminderStore;
    private Task _idleScan = Task.CompletedTask;
    private Task _reminderEvaluation = Task.CompletedTask;
    private ILogger _logger = NullLogger.Instance;

    public ActorHostConfig Config { get; private set; } = ActorHostConfig.None;

    public ActorPlacement Placement { get; } = new(sidecar);

    /// <summary>Actors need a state store with actorStateStore: true (daprd disables the actor runtime otherwise).</summary>
    public bool IsEnabled => sidecar.Components.ActorStateStore is not null;

    /// <summary>Set once hosted types are known and persisted reminders are scheduled (metadata hostReady).</summary>
    public bool IsHostReady { get; private set; }

    public IEnumerable<string> HostedTypes => Config.Types.Keys;

    public bool Hosts(string actorType) => Config.Types.ContainsKey(actorType);

    public bool IsActive(string actorType, string actorId) => _active.TryGetValue((actorType, actorId), out var actor) && !actor.Deactivated;

    public int ActiveCount(string actorType) => _active.Keys.Count(key => key.Type == actorType);

    /// <summary>Runs once the app answered /dapr/config: remembers its types, schedules their persisted reminders, starts idle scans.</summary>
    public async Task StartAsync(ActorHostConfig config, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        _logger = loggerFactory.CreateLogger("actors");
        if (config.Types.Count > 0 && sidecar.Components.ActorStateStore is { } store)
        {
            // Without an actor state store daprd's actor runtime is off: the types are neither hosted nor published.
            Config = config;
            _reminderStore = new ReminderStore(store.Store);
            foreach (var (actorType, settings) in config.Types)
                await _reminderStore.OpenAsync(actorType, settings.RemindersStoragePartitions, cancellationToken);
            await EvaluateRemindersAsync(cancellationToken);
            _idleScan = ScanForIdleActorsAsync(_stopping.Token);
            _reminderEvaluation = ReevaluateRemindersAsync(_stopping.Token);
            _logger.LogInformation("Hosting actor types: {Types}", string.Join(", ", config.Types.Keys));
        }
        IsHostReady = true;
    }

    /// <summary>
    /// Runs a call in the actor's turn on this host and returns the app's answer. With reentrancy on for the type the
    /// call carries (or gets) a Dapr-Reentrancy-Id, and calls of the same chain enter the held turn.
    /// </summary>
    public async Task<ActorReply> CallLocalAsync(ActorCall call, CancellationToken cancellationToken)
    {
        if (!Config.Types.TryGetValue(call.ActorType, out var settings)) throw ActorErrors.NoHost(call.ActorType, call.ActorId);
        string? chain = null;
        if (settings.ReentrancyEnabled && !call.IsTick)
        {
            chain = call.Header(ActorCall.ReentrancyIdHeader) ?? Guid.NewGuid().ToString();
            call = call.WithHeader(ActorCall.ReentrancyIdHeader, chain);
        }
        while (true)
        {
            var actor = _active.GetOrAdd((call.ActorType, call.ActorId), key => new ActiveActor(key.Type, key.Id));
            actor.BeginCall();
            try
            {
                IDisposable turn;
                try
                {
                    turn = await actor.Turn.EnterAsync(chain, settings.MaxStackDepth, cancellationToken);
                }
                catch (ActorStackDepthException)
                {
                    throw ActorErrors.StackDepth();
                }
                using (turn)
                {
                    if (actor.Deactivated) continue;
                    return await SendToAppAsync(HttpMethod.Put, $"/actors/{Escape(call.ActorType)}/{Escape(call.ActorId)}/method/{call.Method}{call.QueryString}",
                        call.Headers, call.Body, cancellationToken);
                }
            }
            finally
            {
                actor.EndCall();
            }
        }
    }

    public void CreateTimer(string actorType, string actorId, string name, ActorSchedule schedule, byte[] callbackBody)
    {
        var actor = _active.GetOrAdd((actorType, actorId), key => new ActiveActor(key.Type, key.Id));
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (actor.Timers.TryRemove(name, out var previous)) previous.Cancel();
        actor.Timers[name] = cancellation;
        RunSchedule($"timer {actorType}/{actorId}/{name}", schedule,
            () => FireAsync(ActorCall.Tick(actorType, actorId, "timer/" + Escape(name), callbackBody), local: true),
            (_, _) => Task.CompletedTask,
            () =>
            {
                actor.Timers.TryRemove(new KeyValuePair<string, CancellationTokenSource>(name, cancellation));
                return Task.CompletedTask;
            },
            cancellation.Token);
    }

    public void DeleteTimer(string actorType, string actorId, string name)
    {
        if (_active.TryGetValue((actorType, actorId), out var actor) && actor.Timers.TryRemove(name, out var timer)) timer.Cancel();
    }

    /// <summary>Stores the reminder (replacing one of the same name) and runs it here when its actor is placed here.</summary>
    public async Task CreateReminderAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var store = RemindersStore();
        var partition = await store.PartitionOfAsync(reminder.ActorType, reminder.ActorId, reminder.Name, cancellationToken);
        var changes = ReminderChanges(reminder.ActorType, partition);
        await changes.WaitAsync(cancellationToken);
        try
        {
            await store.UpdateAsync(reminder.ActorType, partition, list =>
            {
                list.RemoveAll(r => r.Is(reminder.ActorId, reminder.Name));
                list.Add(reminder);
                return true;
            }, cancellationToken);
            await store.SaveTrackAsync(reminder, new ReminderTrack(null, reminder.Schedule.RepetitionsLeft), cancellationToken);
            // Otherwise the host it is placed on picks it up at its next evaluation.
            if (Placement.IsPlacedHere(reminder.ActorType, reminder.ActorId)) Schedule(reminder, reminder.Schedule);
            else StopReminder((reminder.ActorType, reminder.ActorId, reminder.Name));
        }
        finally
        {
            changes.Release();
        }
    }

    public async Task<Reminder?> GetReminderAsync(string actorType, string actorId, string name, CancellationToken cancellationToken)
    {
        var store = RemindersStore();
        var partition = await store.PartitionOfAsync(actorType, actorId, name, cancellationToken);
        return (await store.LoadAsync(actorType, partition, cancellationToken)).FirstOrDefault(r => r.Is(actorId, name));
    }

    public async Task DeleteReminderAsync(string actorType, string actorId, string name, CancellationToken cancellationToken)
    {
        var store = RemindersStore();
        var changes = ReminderChanges(actorType, await store.PartitionOfAsync(actorType, actorId, name, cancellationToken));
        await changes.WaitAsync(cancellationToken);
        try
        {
            StopReminder((actorType, actorId, name));
            await store.DeleteAsync(actorType, actorId, name, cancellationToken);
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>
    /// daprd's drain on shutdown: stop timers and reminders, wait up to drainOngoingCallTimeout for calls and ticks in
    /// flight, then deactivate every actor still active (DELETE /actors/{type}/{id} in its turn).
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync();
        await Task.WhenAll(_idleScan, _reminderEvaluation).ContinueWith(_ => { }, TaskScheduler.Default);
        var deadline = DateTimeOffset.UtcNow + Config.DrainOngoingCallTimeout;
        while ((_active.Values.Any(actor => actor.Pending > 0) || !_runningSchedules.IsEmpty) && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        foreach (var actor in _active.Values)
        {
            using var turn = actor.Turn.TryEnter();
            if (turn is not null) await DeactivateAsync(actor);
        }
    }

    private ReminderStore RemindersStore() =>
        _reminderStore ?? throw ActorErrors.RuntimeNotFound();

    private SemaphoreSlim ReminderChanges(string actorType, int partition) =>
        _reminderChanges.GetOrAdd((actorType, partition), _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// daprd's evaluateReminders: a host drives exactly the stored reminders of the actors placed on it. Rerun
    /// periodically, it also follows hosts joining and leaving and reminders created or deleted by other sidecars.
    /// </summary>
    private async Task EvaluateRemindersAsync(CancellationToken cancellationToken)
    {
        foreach (var actorType in Config.Types.Keys)
        {
            var partitioning = await RemindersStore().PartitioningAsync(actorType, cancellationToken);
            var runningByPartition = _reminders.Keys.Where(key => key.Type == actorType).ToLookup(key => partitioning.PartitionOf(key.Id, key.Name));
            foreach (var partition in partitioning.Partitions)
                await EvaluatePartitionAsync(actorType, partition, runningByPartition[partition], cancellationToken);
        }
    }

    private async Task EvaluatePartitionAsync(
        string actorType, int partition, IEnumerable<(string Type, string Id, string Name)> wereRunning, CancellationToken cancellationToken)
    {
        var changes = ReminderChanges(actorType, partition);
        await changes.WaitAsync(cancellationToken);
        try
        {
            var stored = new HashSet<(string, string, string)>();
            foreach (var reminder in await RemindersStore().LoadAsync(actorType, partition, cancellationToken))
            {
                var key = (reminder.ActorType, reminder.ActorId, reminder.Name);
                stored.Add(key);
                var placedHere = Placement.IsPlacedHere(reminder.ActorType, reminder.ActorId);
                var running = _reminders.GetValueOrDefault(key);
                if (placedHere && running?.Definition != reminder) await ResumeAsync(reminder, cancellationToken);
                else if (!placedHere && running is not null) StopReminder(key);
            }
            foreach (var key in wereRunning.Where(key => !stored.Contains(key))) StopReminder(key);
        }
        finally
        {
            changes.Release();
        }
    }

    private async Task ReevaluateRemindersAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ReminderEvaluationInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await EvaluateRemindersAsync(cancellationToken);
                }
                catch (Exception error) when (error is StateStoreException or JsonException or FormatException)
                {
                    _logger.LogWarning("Evaluating reminders failed: {Error}", error.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Picks a stored reminder up where its track says it stopped; one already over is removed.</summary>
    private async Task ResumeAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        var store = RemindersStore();
        var track = await store.LoadTrackAsync(reminder, cancellationToken);
        var schedule = track is null ? reminder.Schedule : track.Resume(reminder.Schedule);
        if (schedule is not null) Schedule(reminder, schedule);
        else await store.DeleteAsync(reminder.ActorType, reminder.ActorId, reminder.Name, cancellationToken);
    }

    private void StopReminder((string Type, string Id, string Name) key)
    {
        if (_reminders.TryRemove(key, out var running)) running.Cancellation.Cancel();
    }

    private void Schedule(Reminder reminder, ActorSchedule schedule)
    {
        var key = (reminder.ActorType, reminder.ActorId, reminder.Name);
        var current = new RunningReminder(reminder, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
        StopReminder(key);
        _reminders[key] = current;
        var callbackBody = reminder.CallbackBody();
        RunSchedule($"reminder {reminder.ActorType}/{reminder.ActorId}/{reminder.Name}", schedule,
            () => FireAsync(ActorCall.Tick(reminder.ActorType, reminder.ActorId, "remind/" + Escape(reminder.Name), callbackBody), local: false),
            (fired, next) => IfStillCurrent(() =>
                RemindersStore().SaveTrackAsync(reminder, new ReminderTrack(fired.NextDue, next.RepetitionsLeft), CancellationToken.None)),
            EndAsync,
            current.Cancellation.Token);

        // A reminder deleted or replaced meanwhile must not have its progress written back or its successor removed.
        Task IfStillCurrent(Func<Task> action) =>
            _reminders.TryGetValue(key, out var running) && ReferenceEquals(running, current) ? action() : Task.CompletedTask;

        // Under the change lock: an evaluation must not see it stored but no longer running, and fire it again.
        async Task EndAsync()
        {
            var partition = await RemindersStore().PartitionOfAsync(reminder.ActorType, reminder.ActorId, reminder.Name, CancellationToken.None);
            var changes = ReminderChanges(reminder.ActorType, partition);
            await changes.WaitAsync(CancellationToken.None);
            try
            {
                if (_reminders.TryRemove(new KeyValuePair<(string, string, string), RunningReminder>(key, current)))
                    await RemindersStore().DeleteAsync(reminder.ActorType, reminder.ActorId, reminder.Name, CancellationToken.None);
            }
            finally
            {
                changes.Release();
            }
        }
    }

    /// <summary>
    /// One reminder or timer tick; false when the app answered X-DaprReminderCancel: true. Not cancelled by shutdown:
    /// like any call in flight it is drained (<see cref="StopAsync"/>).
    /// </summary>
    private async Task<bool> FireAsync(ActorCall call, bool local)
    {
        var reply = local ? await CallLocalAsync(call, CancellationToken.None) : (await Placement.CallAsync(call, CancellationToken.None)).Reply;
        if (reply.Status != (int)HttpStatusCode.OK)
            _logger.LogWarning("{Type}/{Id}: {Method} answered {Status}", call.ActorType, call.ActorId, call.Method, reply.Status);
        return !IsTruthy(reply.Header(ReminderCancelHeader));
    }

    /// <summary>dapr/kit strings.IsTruthy, which daprd applies to X-DaprReminderCancel.</summary>
    private static bool IsTruthy(string? value) =>
        value?.Trim().ToLowerInvariant() is "y" or "yes" or "true" or "t" or "on" or "1";

    /// <summary>Starts a reminder's or timer's ticks in the background; shutdown waits for the ones still firing.</summary>
    private void RunSchedule(
        string what, ActorSchedule schedule, Func<Task<bool>> fire, Func<ActorSchedule, ActorSchedule, Task> advanced, Func<Task> ended,
        CancellationToken cancellationToken)
    {
        var running = RunScheduleAsync(what, schedule, fire, advanced, ended, cancellationToken);
        _runningSchedules[running] = true;
        running.ContinueWith(done => _runningSchedules.TryRemove(done, out _), TaskScheduler.Default);
    }

    private async Task RunScheduleAsync(
        string what, ActorSchedule schedule, Func<Task<bool>> fire, Func<ActorSchedule, ActorSchedule, Task> advanced, Func<Task> ended,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await ActorSchedule.RunAsync(schedule, async () =>
            {
                try
                {
                    return await fire();
                }
                catch (DaprApiError error)
                {
                    // daprd logs a failed tick and keeps the schedule.
                    _logger.LogWarning("{What}: tick failed: {Error}", what, error.Message);
                    return true;
                }
            }, advanced, ended, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            _logger.LogError(error, "{What} stopped", what);
        }
    }

    private async Task ScanForIdleActorsAsync(CancellationToken cancellationToken)
    {
        var shortest = Config.Types.Values.Min(settings => settings.IdleTimeout);
        var interval = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(10).Ticks));
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var actor in _active.Values)
                {
                    if (!IsIdle(actor)) continue;
                    using var turn = actor.Turn.TryEnter();
                    if (turn is not null && IsIdle(actor)) await DeactivateAsync(actor);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool IsIdle(ActiveActor actor) =>
        actor.Pending == 0 && Config.Types.TryGetValue(actor.ActorType, out var settings)
        && DateTimeOffset.UtcNow - actor.LastUsed >= settings.IdleTimeout;

    /// <summary>Call only while holding the actor's turn.</summary>
    private async Task DeactivateAsync(ActiveActor actor)
    {
        actor.Deactivated = true;
        _active.TryRemove(new KeyValuePair<(string, string), ActiveActor>((actor.ActorType, actor.ActorId), actor));
        actor.StopTimers();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var reply = await SendToAppAsync(HttpMethod.Delete, $"/actors/{Escape(actor.ActorType)}/{Escape(actor.ActorId)}", [], [], timeout.Token);
            if (reply.Status != (int)HttpStatusCode.OK)
                _logger.LogWarning("Deactivating {Type}/{Id}: app answered {Status}", actor.ActorType, actor.ActorId, reply.Status);
        }
        catch (Exception error) when (error is DaprApiError or OperationCanceledException)
        {
            _logger.LogWarning("Deactivating {Type}/{Id} failed: {Error}", actor.ActorType, actor.ActorId, error.Message);
        }
    }

    private async Task<ActorReply> SendToAppAsync(
        HttpMethod method, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellationToken)
    {
        if (sidecar.App is not { } app) throw ActorErrors.Invoke("app channel is not initialized");
        using var request = ActorHttpMessages.CreateRequest(method, app.UriFor(pathAndQuery), headers, body);
        try
        {
            using var response = await app.SendAsync(request, cancellationToken);
            return await ActorHttpMessages.ReadReplyAsync(response, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw ActorErrors.Invoke($"error invoking app channel: {error.Message}");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>A reminder running here: the stored definition it runs (a changed one is restarted) and how to stop it.</summary>
    private sealed record RunningReminder(Reminder Definition, CancellationTokenSource Cancellation);
}
