using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Components.State;
using DaprShop.Sidecar.Tests.Components;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>Reminder definitions spread over storage partitions the way daprd's state-store reminders are.</summary>
public sealed class ReminderStorePartitionTests : IAsyncDisposable
{
    private const string ActorType = "partitioned";
    private readonly InMemoryStateStore _state = InMemoryStateStore.Create(TestContexts.Create("/"));

    [Fact]
    public void A_reminder_lands_in_the_partition_daprd_computes()
    {
        var partitioning = new ReminderPartitioning(ActorType, "id", 32);

        // FNV-1a-32("a") = 0xe40c292c, which daprd takes mod 32 and adds 1 to.
        Assert.Equal((int)(0xe40c292cu % 32) + 1, partitioning.PartitionOf("a", ""));
        Assert.Equal(0, ReminderPartitioning.Unpartitioned(ActorType).PartitionOf("a", ""));
    }

    [Fact]
    public async Task Two_sidecars_sharing_the_store_keep_each_others_reminders()
    {
        var one = await OpenAsync(partitions: 4);
        var two = await OpenAsync(partitions: 4);

        await Task.WhenAll(
            Task.Run(() => AddAsync(one, Enumerable.Range(0, 20).Select(i => "one-" + i))),
            Task.Run(() => AddAsync(two, Enumerable.Range(0, 20).Select(i => "two-" + i))));

        var stored = await LoadAllAsync(await OpenAsync(partitions: 4));
        Assert.Equal(40, stored.Count);
        Assert.True(stored.Select(r => ReminderPartitionOf(r, 4)).Distinct().Count() > 1, "spread over several partitions");
    }

    [Fact]
    public async Task Unpartitioned_reminders_move_into_partitions_once_they_are_configured()
    {
        var unpartitioned = await OpenAsync(partitions: 0);
        await AddAsync(unpartitioned, Enumerable.Range(0, 10).Select(i => "actor-" + i));

        var partitioned = await OpenAsync(partitions: 8);

        Assert.Equal(8, (await partitioned.PartitioningAsync(ActorType, CancellationToken.None)).PartitionCount);
        Assert.Equal(10, (await LoadAllAsync(partitioned)).Count);
        Assert.Equal(8, (await (await OpenAsync(partitions: 2)).PartitioningAsync(ActorType, CancellationToken.None)).PartitionCount);
    }

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    private async Task<ReminderStore> OpenAsync(int partitions)
    {
        var store = new ReminderStore(_state);
        await store.OpenAsync(ActorType, partitions, CancellationToken.None);
        return store;
    }

    private static async Task AddAsync(ReminderStore store, IEnumerable<string> actorIds)
    {
        foreach (var actorId in actorIds)
        {
            var reminder = new Reminder(ActorType, actorId, "tick", null, "", new ActorSchedule(DateTimeOffset.UtcNow, null, 1, null));
            var partition = (await store.PartitioningAsync(ActorType, CancellationToken.None)).PartitionOf(actorId, "tick");
            await store.UpdateAsync(ActorType, partition, list =>
            {
                list.Add(reminder);
                return true;
            }, CancellationToken.None);
        }
    }

    private static async Task<List<Reminder>> LoadAllAsync(ReminderStore store)
    {
        var all = new List<Reminder>();
        foreach (var partition in (await store.PartitioningAsync(ActorType, CancellationToken.None)).Partitions)
            all.AddRange(await store.LoadAsync(ActorType, partition, CancellationToken.None));
        return all;
    }

    private static int ReminderPartitionOf(Reminder reminder, int partitions) =>
        new ReminderPartitioning(ActorType, "any", partitions).PartitionOf(reminder.ActorId, reminder.Name);
}
