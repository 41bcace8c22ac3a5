using System.Collections.Concurrent;
using System.Text;

namespace DaprShop.Actors.Tests.Infrastructure;

/// <summary>What the test actors did, injected into them from DI.</summary>
public sealed class ActorJournal
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public void Write(string entry) => Entries.Enqueue(entry);
}

public sealed record Amount(int Value);

public interface ICounterActor : IActor
{
    Task<int> IncrementAsync(Amount amount);

    Task<int> GetAsync(CancellationToken cancellationToken);

    Task FailAfterWritingAsync();

    Task<string> CallOtherCounterAsync(string otherId);

    Task ScheduleReminderAsync(string payload);

    Task StartTimerAsync(string payload);

    Task<string> DescribeReminderAsync(string name);
}

public sealed class CounterActor(ActorHost host, ActorJournal journal) : Actor(host), ICounterActor, IRemindable
{
    public const string TypeName = "counter";

    public async Task<int> IncrementAsync(Amount amount)
    {
        var count = await StateManager.GetOrAddStateAsync("count", 0) + amount.Value;
        await StateManager.SetStateAsync("count", count);
        return count;
    }

    public Task<int> GetAsync(CancellationToken cancellationToken) => StateManager.GetOrAddStateAsync("count", 0, cancellationToken);

    public async Task FailAfterWritingAsync()
    {
        await StateManager.SetStateAsync("count", -1);
        throw new InvalidOperationException("counter refuses");
    }

    public async Task<string> CallOtherCounterAsync(string otherId)
    {
        var other = Host.ProxyFactory.CreateActorProxy<ICounterActor>(new ActorId(otherId), TypeName);
        return (await other.IncrementAsync(new Amount(1))).ToString();
    }

    public Task ScheduleReminderAsync(string payload) =>
        RegisterReminderAsync("wake", Encoding.UTF8.GetBytes(payload), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(-1));

    public Task StartTimerAsync(string payload) =>
        RegisterTimerAsync("tick", nameof(OnTickAsync), Encoding.UTF8.GetBytes(payload), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1, 30));

    public async Task<string> DescribeReminderAsync(string name) =>
        await GetReminderAsync(name) is { } reminder
            ? $"{reminder.Name}:{Encoding.UTF8.GetString(reminder.State)}:{reminder.DueTime}:{reminder.Period}"
            : "none";

    public Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        journal.Write($"reminder {Id}:{reminderName}:{Encoding.UTF8.GetString(state)}:{dueTime}:{period}");
        return Task.CompletedTask;
    }

    protected override Task OnActivateAsync()
    {
        journal.Write($"activate {Id}");
        return Task.CompletedTask;
    }

    protected override Task OnDeactivateAsync()
    {
        journal.Write($"deactivate {Id}");
        return Task.CompletedTask;
    }

    protected override Task OnPreActorMethodAsync(ActorMethodContext context)
    {
        journal.Write($"pre {context.MethodName} {context.CallType}");
        return Task.CompletedTask;
    }

    protected override Task OnPostActorMethodAsync(ActorMethodContext context)
    {
        journal.Write($"post {context.MethodName}");
        return Task.CompletedTask;
    }

    private Task OnTickAsync(byte[] state)
    {
        journal.Write($"timer {Id}:{Encoding.UTF8.GetString(state)}");
        return Task.CompletedTask;
    }
}

public interface IPlainActor : IActor
{
    Task PingAsync();
}

/// <summary>Neither remindable nor with timer callbacks.</summary>
public sealed class PlainActor(ActorHost host) : Actor(host), IPlainActor
{
    public Task PingAsync() => Task.CompletedTask;
}
