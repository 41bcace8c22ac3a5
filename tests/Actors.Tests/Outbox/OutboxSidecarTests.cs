using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Actors.Tests.Outbox;

/// <summary>The outbox through the real local sidecar: state transaction, reminders on the app's own outbox actor, publish.</summary>
public sealed class OutboxSidecarTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    private static readonly StateOptions MustNotExist = new() { Concurrency = ConcurrencyMode.FirstWrite };

    [Fact]
    public async Task A_committed_event_is_published_once_and_leaves_neither_record_nor_reminder()
    {
        // Far beyond the test: whatever is published here, the request published it.
        app.Options.RetryInterval = TimeSpan.FromMinutes(10);
        var (thingId, thingCreated) = await CommitThingAsync("lamp");

        await app.Outbox.PublishAsync(thingCreated, CancellationToken.None);

        await OutboxApp.WaitUntilAsync(() => Task.FromResult(app.DeliveredWithId(thingCreated.EventId).Count > 0));
        Assert.Equal("lamp", await app.Dapr.GetStateAsync<string>(OutboxApp.StoreName, ThingKey(thingId)));
        Assert.Null(await app.FindRecordAsync(thingCreated.EventId));
        Assert.Null(await app.FindReminderAsync(thingCreated.EventId));
        AssertDeliveredOnce(thingCreated, new ThingCreated(thingId, "lamp"));
    }

    [Fact]
    public async Task An_event_committed_by_a_process_that_died_before_publishing_is_published_by_its_reminder()
    {
        app.Options.RetryInterval = TimeSpan.FromSeconds(1);

        // The "crash": the transaction commits, and nothing of this process publishes.
        var (thingId, thingCreated) = await CommitThingAsync("kettle");
        Assert.NotNull(await app.FindRecordAsync(thingCreated.EventId));

        await OutboxApp.WaitUntilAsync(async () => await app.FindRecordAsync(thingCreated.EventId) is null && await app.FindReminderAsync(thingCreated.EventId) is null);
        AssertDeliveredOnce(thingCreated, new ThingCreated(thingId, "kettle"));
    }

    [Fact]
    public async Task A_refused_transaction_saves_neither_change_nor_record_and_disarms_its_reminder()
    {
        app.Options.RetryInterval = TimeSpan.FromMinutes(10);
        var thingId = Guid.CreateVersion7();
        await app.Dapr.SaveStateAsync(OutboxApp.StoreName, ThingKey(thingId), "first");
        var thingCreated = app.Outbox.CreateEvent(OutboxApp.PubsubName, OutboxApp.Topic, new ThingCreated(thingId, "second"));

        Assert.False(await app.Outbox.TryCommitAsync([Upsert(ThingKey(thingId), "second", MustNotExist)], thingCreated, CancellationToken.None));

        Assert.Equal("first", await app.Dapr.GetStateAsync<string>(OutboxApp.StoreName, ThingKey(thingId)));
        Assert.Null(await app.FindRecordAsync(thingCreated.EventId));
        Assert.Null(await app.FindReminderAsync(thingCreated.EventId));
    }

    [Fact]
    public async Task A_reminder_whose_transaction_never_committed_unregisters_without_publishing()
    {
        app.Options.RetryInterval = TimeSpan.FromSeconds(1);
        var eventId = Guid.CreateVersion7().ToString();

        // A process armed the reminder, then died before its transaction, longer ago than a transaction can take.
        await app.ArmWithoutTransactionAsync(eventId, DateTimeOffset.UtcNow - app.Options.AbandonAfter);

        Assert.NotNull(await app.FindReminderAsync(eventId));
        await OutboxApp.WaitUntilAsync(async () => await app.FindReminderAsync(eventId) is null);
        Assert.Empty(app.DeliveredWithId(eventId));
    }

    private static string ThingKey(Guid thingId) => $"thing:{thingId}";

    /// <summary>Saves a new thing with its event through the outbox, and publishes nothing.</summary>
    private async Task<(Guid ThingId, OutboxEvent ThingCreated)> CommitThingAsync(string name)
    {
        var thingId = Guid.CreateVersion7();
        var thingCreated = app.Outbox.CreateEvent(OutboxApp.PubsubName, OutboxApp.Topic, new ThingCreated(thingId, name));
        Assert.True(await app.Outbox.TryCommitAsync([Upsert(ThingKey(thingId), name)], thingCreated, CancellationToken.None));
        return (thingId, thingCreated);
    }

    private void AssertDeliveredOnce(OutboxEvent outboxEvent, ThingCreated expected) =>
        Assert.Equal(expected, Assert.Single(app.DeliveredWithId(outboxEvent.EventId)).Deserialize<ThingCreated>(JsonSerializerOptions.Web));

    private static StateTransactionRequest Upsert(string key, string value, StateOptions? options = null) =>
        new(key, JsonSerializer.SerializeToUtf8Bytes(value), StateOperationType.Upsert, options: options);

    private sealed record ThingCreated(Guid ThingId, string Name);
}
