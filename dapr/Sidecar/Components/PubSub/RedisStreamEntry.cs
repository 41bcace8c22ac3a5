using System.Text.Json;
using DaprShop.Sidecar.Components.Redis;
using DaprShop.Sidecar.Messaging;

namespace DaprShop.Sidecar.Components.PubSub;

/// <summary>
/// A stream entry as daprd writes and reads it (components-contrib <c>pubsub/redis/redis.go</c>, Publish and
/// createRedisMessageWrapper): field <c>data</c> holds the message bytes, field <c>metadata</c> the publish metadata
/// as a JSON object of strings.
/// </summary>
/// <param name="Message">Null when the entry was deleted from the stream while it was pending.</param>
public sealed record RedisStreamEntry(string Id, BrokerMessage? Message)
{
    public const string DataField = "data";
    public const string MetadataField = "metadata";

    /// <summary>The XADD arguments after the entry id: <c>data</c>, then <c>metadata</c> with keys sorted as Go's json.Marshal sorts map keys.</summary>
    public static object[] Fields(BrokerMessage message) =>
    [
        DataField, message.Data,
        MetadataField, JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(message.Metadata.ToDictionary(), StringComparer.Ordinal)),
    ];

    /// <summary>The entries of an XREADGROUP reply (<c>[[stream, [[id, fields]...]]...]</c>, nil when the block ran out).</summary>
    public static IEnumerable<RedisStreamEntry> FromReadReply(RedisReply reply) =>
        reply.AsArray().SelectMany(stream => FromEntries(stream.AsArray()[1]));

    /// <summary>The entries of an XCLAIM or XRANGE reply: <c>[[id, fields]...]</c>.</summary>
    public static IEnumerable<RedisStreamEntry> FromEntries(RedisReply entries) =>
        entries.AsArray().Where(entry => !entry.IsNil).Select(entry =>
        {
            var parts = entry.AsArray();
            return new RedisStreamEntry(parts[0].AsString()!, parts[1].IsNil ? null : ToMessage(parts[1].AsArray()));
        });

    private static BrokerMessage ToMessage(IReadOnlyList<RedisReply> fields)
    {
        var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < fields.Count; i += 2) values[fields[i].AsString()!] = fields[i + 1].Bulk ?? [];
        var metadata = new Dictionary<string, string>();
        if (values.TryGetValue(MetadataField, out var json))
        {
            try
            {
                metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? metadata;
            }
            catch (JsonException)
            {
                // daprd logs a warning and delivers the message without metadata; the data is what matters.
            }
        }
        // Redis keeps no content type; delivery sends the CloudEvent content type whatever the bytes are.
        return new BrokerMessage(values.GetValueOrDefault(DataField) ?? [], CloudEventEnvelope.ContentType, metadata);
    }
}
