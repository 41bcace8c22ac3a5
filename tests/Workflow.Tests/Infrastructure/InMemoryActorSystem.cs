using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Workflow.Durability;
using DaprShop.Workflow.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Workflow.Tests.Infrastructure;

/// <summary>
/// A deterministic stand-in for the actor runtime: turn-based actors whose state and call arguments go through
/// JSON, reminders fired when the manual clock reaches them (a failing reminder stays and fires again next period),
/// after-turn work run on demand, and switches to lose work the way a crash would.
/// </summary>
internal sealed class InMemoryActorSystem : IActorProxyFactory
{
    private readonly Dictionary<(string Type, string Id), InMemoryActor> _actors = new();
    private readonly Queue<Func<Task>> _afterTurnWork = new();
    private readonly IServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private ActivityRunner? _activities;

    public ManualTimeProvider Time { get; } = new(WorkflowHarness.T0);
    public WorkflowRuntimeOptions Workflows { get; } = new() { AppId = "checkout" };
    public WorkflowActorTypeNames ActorTypes { get; } = WorkflowActorTypeNames.For("checkout", null);

    /// <summary>Actor state writes so far, across all actors.</summary>
    public int StateWrites { get; private set; }

    /// <summary>How many of the next result deliveries to instances fail, as if the host died before committing them.</summary>
    public int DeliveriesToLose { get; set; }

    /// <summary>When set, work scheduled after a turn is dropped, as if the host died right after the commit.</summary>
    public bool LoseAfterTurnWork { get; set; }

    /// <summary>The process's activity runner, made on first use so a test can set the recovery interval first.</summary>
    public ActivityRunner Activities => _activities ??= new(Workflows, _services, this, ActorTypes, Time);

    public DaprWorkflowClient CreateClient() => new(this, ActorTypes, Time);

    public TActorInterface CreateActorProxy<TActorInterface>(ActorId actorId, string actorType) where TActorInterface : IActor
    {
        if (typeof(TActorInterface) != typeof(IWorkflowActor)) throw new NotSupportedException("The engine's only actor type is the workflow's.");
        return (TActorInterface)(object)new WorkflowActorProxy(this, Actor(actorType, actorId));
    }

    public ActorProxy Create(ActorId actorId, string actorType) => throw new NotSupportedException("The engine only uses typed proxies.");

    public WorkflowRuntimeState StateOf(string instanceId) =>
        Actor(ActorTypes.Workflow, new ActorId(instanceId)).Read<WorkflowRuntimeState>(WorkflowInstanceBehavior.StateKey) ?? WorkflowRuntimeState.Empty;

    public IReadOnlyList<string> RemindersOf(string instanceId) => [.. Actor(ActorTypes.Workflow, new ActorId(instanceId)).Reminders.Keys];

    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Now += by;
        await RunUntilIdleAsync();
    }

    /// <summary>Runs after-turn work and due reminders until nothing is left to do at the current time.</summary>
    public async Task RunUntilIdleAsync()
    {
        while (true)
        {
            if (_afterTurnWork.TryDequeue(out var work))
            {
                try
                {
                    await work();
                }
                catch (IOException)
                {
                    // Like the actors' after-turn work: only logged, the recovery reminder retries it.
                }
                continue;
            }
            var due = _actors.Values
                .SelectMany(actor => actor.Reminders.Values.Select(reminder => (actor, reminder)))
                .Where(pair => pair.reminder.DueAt <= Time.Now)
                .OrderBy(pair => pair.reminder.DueAt)
                .FirstOrDefault();
            if (due.actor is null)
            {
                return;
            }
            await FireAsync(due.actor, due.reminder);
        }
    }

    private async Task FireAsync(InMemoryActor actor, Reminder reminder)
    {
        // Like the runtime: a periodic reminder is rescheduled before it runs, a one-shot one removed.
        if (reminder.Period == WorkflowInstanceBehavior.Once)
        {
            actor.Reminders.Remove(reminder.Name);
        }
        else
        {
            actor.Reminders[reminder.Name] = reminder with { DueAt = Time.Now + reminder.Period };
        }
        try
        {
            await actor.InTurnAsync(() => WorkflowBehavior(actor).ReceiveReminderAsync(reminder.Name, reminder.State ?? []));
        }
        catch (IOException)
        {
            // A lost delivery: the periodic reminder fires again.
        }
    }

    private InMemoryActor Actor(string type, ActorId id)
    {
        if (!_actors.TryGetValue((type, id.Id), out var actor))
        {
            actor = new InMemoryActor(this, type, id);
            _actors.Add((type, id.Id), actor);
        }
        return actor;
    }

    private WorkflowInstanceBehavior WorkflowBehavior(InMemoryActor actor) =>
        new(actor, new WorkflowTurnProcessor(new WorkflowExecutor(Workflows, _services, NullLoggerFactory.Instance)), new OutboxDispatcher(this, ActorTypes, Activities), Time,
            Workflows.RecoveryInterval);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, WorkflowJson.Options), WorkflowJson.Options)!;

    private sealed record Reminder(string Name, byte[]? State, DateTimeOffset DueAt, TimeSpan Period);

    private sealed class InMemoryActor(InMemoryActorSystem system, string type, ActorId id) : IActorTurnContext
    {
        private readonly Dictionary<string, string> _state = new();
        private readonly SemaphoreSlim _turn = new(1, 1);

        public string Type => type;
        public ActorId Id => id;
        public Dictionary<string, Reminder> Reminders { get; } = new();

        public async Task<T> InTurnAsync<T>(Func<Task<T>> call)
        {
            await _turn.WaitAsync();
            try
            {
                return await call();
            }
            finally
            {
                _turn.Release();
            }
        }

        public Task InTurnAsync(Func<Task> call) => InTurnAsync(async () =>
        {
            await call();
            return true;
        });

        public T? Read<T>(string key) => _state.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json, WorkflowJson.Options) : default;

        public Task<ConditionalValue<T>> TryGetStateAsync<T>(string key) =>
            Task.FromResult(_state.ContainsKey(key) ? new ConditionalValue<T>(true, Read<T>(key)!) : new ConditionalValue<T>(false, default!));

        public Task SaveStateAsync<T>(string key, T value)
        {
            system.StateWrites++;
            _state[key] = JsonSerializer.Serialize(value, WorkflowJson.Options);
            return Task.CompletedTask;
        }

        public Task RemoveStateAsync(string key)
        {
            _state.Remove(key);
            return Task.CompletedTask;
        }

        public Task RegisterReminderAsync(string name, byte[]? state, TimeSpan dueTime, TimeSpan period)
        {
            Reminders[name] = new Reminder(name, state, system.Time.Now + dueTime, period);
            return Task.CompletedTask;
        }

        public Task UnregisterReminderAsync(string name)
        {
            Reminders.Remove(name);
            return Task.CompletedTask;
        }

        public void RunAfterTurn(Func<Task> work)
        {
            if (!system.LoseAfterTurnWork)
            {
                system._afterTurnWork.Enqueue(work);
            }
        }
    }

    private sealed class WorkflowActorProxy(InMemoryActorSystem system, InMemoryActor actor) : IWorkflowActor
    {
        private WorkflowInstanceBehavior Behavior => system.WorkflowBehavior(actor);

        public Task<bool> StartAsync(WorkflowMessage start) => actor.InTurnAsync(() => Behavior.StartAsync(RoundTrip(start)));

        public Task<bool> DeliverAsync(WorkflowMessage message)
        {
            if (message.Event is History.CompletionEvent && system.DeliveriesToLose > 0)
            {
                system.DeliveriesToLose--;
                throw new IOException("The host died before the result was committed.");
            }
            return actor.InTurnAsync(() => Behavior.DeliverAsync(RoundTrip(message)));
        }

        public Task<WorkflowInstanceMetadata?> GetMetadataAsync() => actor.InTurnAsync(() => Behavior.GetMetadataAsync());

        public Task AcknowledgeDispatchAsync(OutboxAcknowledgement acknowledgement) =>
            actor.InTurnAsync(() => Behavior.AcknowledgeDispatchAsync(RoundTrip(acknowledgement)));

        public Task<bool> PurgeAsync() => actor.InTurnAsync(() => Behavior.PurgeAsync(system, system.ActorTypes.Workflow));
    }
}
