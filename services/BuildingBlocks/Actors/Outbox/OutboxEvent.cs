using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// An event waiting in the outbox: saved as <c>outbox:{EventId}</c> in the same state transaction as the change it
/// describes, published with <see cref="EventId"/> as its CloudEvent id (so every retry carries the same id).
/// </summary>
/// <param name="Data">The event's JSON, published as <c>application/json</c>.</param>
public sealed record OutboxEvent(string EventId, string PubsubName, string Topic, JsonElement Data)
{
    public string StateKey => StateKeyOf(EventId);

    public static string StateKeyOf(string eventId) => $"outbox:{eventId}";
}
