using System.Text.Json;
using DaprShop.Dapr;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DaprShop.Actors;

/// <summary>
/// Publishes an event only after the change it describes is saved, and never loses it: the change and the event's
/// record commit in one state transaction, and a reminder armed before that transaction publishes the record if this
/// process does not get to (crash, broker down). See the README's "Transactional outbox".
/// </summary>
public sealed class TransactionalOutbox
{
    private readonly DaprClient _dapr;
    private readonly ActorSidecarClient _sidecar;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TransactionalOutbox> _logger;

    internal TransactionalOutbox(
        string actorTypeName, DaprClient dapr, ActorSidecarClient sidecar, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<TransactionalOutbox> logger)
    {
        ActorTypeName = actorTypeName;
        _dapr = dapr;
        _sidecar = sidecar;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        ArgumentException.ThrowIfNullOrEmpty(_options.StoreName);
    }

    /// <summary>The app's own outbox actor type, whose reminders are the retries.</summary>
    internal string ActorTypeName { get; }

    /// <summary>
    /// Actor types are global to the apps sharing a placement service, so each app has its own: another app's host
    /// would look for the record under its own state key prefix, not find it, and give the event up.
    /// </summary>
    internal static string ActorTypeNameFor(string appId) => $"outbox.{appId}";

    /// <summary>A new event with a fresh id; <paramref name="data"/> is serialized as the DaprClient serializes events.</summary>
    public OutboxEvent CreateEvent<TData>(string pubsubName, string topic, TData data) =>
        new(Guid.CreateVersion7(_clock.GetUtcNow()).ToString(), pubsubName, topic, JsonSerializer.SerializeToElement(data, _dapr.JsonSerializerOptions));

    /// <summary>
    /// Arms the event's retry reminder, then runs <paramref name="operations"/> and the event's record in one
    /// transaction. Call <see cref="PublishAsync"/> after a commit.
    /// </summary>
    /// <returns>
    /// False when the store refused the transaction (<c>ERR_STATE_TRANSACTION</c>: an ETag or first-write conflict,
    /// or another store failure): nothing was saved and the reminder is disarmed. Any other failure throws and leaves
    /// the reminder to find out whether the transaction committed.
    /// </returns>
    public async Task<bool> TryCommitAsync(IReadOnlyList<StateTransactionRequest> operations, OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        await _sidecar.RegisterReminderAsync(
            ActorTypeName, outboxEvent.EventId, OutboxReminder.Name, OutboxReminder.Data(_clock.GetUtcNow()),
            _options.RetryInterval, _options.RetryInterval, ttl: null, cancellationToken);
        var record = new StateTransactionRequest(
            outboxEvent.StateKey, JsonSerializer.SerializeToUtf8Bytes(outboxEvent, _dapr.JsonSerializerOptions), StateOperationType.Upsert);
        try
        {
            await _dapr.ExecuteStateTransactionAsync(_options.StoreName, [.. operations, record], cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprApiException exception) when (exception.IsTransactionRefused)
        {
            await DisarmAsync(outboxEvent.EventId);
            return false;
        }
    }

    /// <summary>
    /// Publishes a committed event with its id as CloudEvent id, then deletes its record and disarms its reminder.
    /// A sidecar or broker failure is logged, not thrown: the change is saved, and the reminder publishes later.
    /// </summary>
    public async Task PublishAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _dapr.PublishByteEventAsync(
                outboxEvent.PubsubName, outboxEvent.Topic, JsonSerializer.SerializeToUtf8Bytes(outboxEvent.Data),
                metadata: new Dictionary<string, string> { ["cloudevent.id"] = outboxEvent.EventId }, cancellationToken: cancellationToken);
            // Record first: a reminder without its record only unregisters, a record without its reminder would wait forever.
            await _dapr.DeleteStateAsync(_options.StoreName, outboxEvent.StateKey, cancellationToken: cancellationToken);
            await _sidecar.UnregisterReminderAsync(ActorTypeName, outboxEvent.EventId, OutboxReminder.Name, cancellationToken);
        }
        catch (Exception exception) when (exception is DaprException or HttpRequestException)
        {
            _logger.LogWarning("Event {EventId} on {Topic} is saved but not done; its reminder retries within {Interval}: {Error}",
                outboxEvent.EventId, outboxEvent.Topic, _options.RetryInterval, exception.Message);
        }
    }

    internal Task<OutboxEvent?> FindAsync(string eventId, CancellationToken cancellationToken) =>
        _dapr.GetStateAsync<OutboxEvent>(_options.StoreName, OutboxEvent.StateKeyOf(eventId), cancellationToken: cancellationToken);

    /// <summary>Best effort: a reminder left armed finds no record and unregisters itself.</summary>
    internal async Task DisarmAsync(string eventId)
    {
        try
        {
            await _sidecar.UnregisterReminderAsync(ActorTypeName, eventId, OutboxReminder.Name, CancellationToken.None);
        }
        catch (Exception exception) when (exception is DaprException or HttpRequestException)
        {
            _logger.LogWarning("Could not disarm the reminder of event {EventId}; it unregisters itself: {Error}", eventId, exception.Message);
        }
    }
}
