using System.Text;

namespace DaprShop.Sidecar.Components.Redis;

/// <summary>One RESP2 reply: a simple string, an error, an integer, a bulk string or an array (the last two may be nil).</summary>
public sealed class RedisReply
{
    private RedisReply(RedisReplyKind kind, string? text = null, long integer = 0, byte[]? bulk = null, IReadOnlyList<RedisReply>? items = null) =>
        (Kind, Text, Integer, Bulk, Items) = (kind, text, integer, bulk, items);

    public RedisReplyKind Kind { get; }

    /// <summary>The text of a simple string or an error.</summary>
    public string? Text { get; }

    public long Integer { get; }

    /// <summary>The bytes of a bulk string; null for a nil bulk string.</summary>
    public byte[]? Bulk { get; }

    /// <summary>The elements of an array; null for a nil array.</summary>
    public IReadOnlyList<RedisReply>? Items { get; }

    public bool IsNil => Kind is RedisReplyKind.Bulk && Bulk is null || Kind is RedisReplyKind.Array && Items is null;

    public static RedisReply SimpleString(string text) => new(RedisReplyKind.SimpleString, text: text);

    public static RedisReply Error(string text) => new(RedisReplyKind.Error, text: text);

    public static RedisReply FromInteger(long value) => new(RedisReplyKind.Integer, integer: value);

    public static RedisReply BulkString(byte[]? bytes) => new(RedisReplyKind.Bulk, bulk: bytes);

    public static RedisReply Array(IReadOnlyList<RedisReply>? items) => new(RedisReplyKind.Array, items: items);

    /// <summary>A string or integer reply as text (bulk strings decoded as UTF-8); null for nil.</summary>
    public string? AsString() => Kind switch
    {
        RedisReplyKind.SimpleString or RedisReplyKind.Error => Text,
        RedisReplyKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RedisReplyKind.Bulk => Bulk is null ? null : Encoding.UTF8.GetString(Bulk),
        _ => throw new RedisProtocolException($"expected a string reply, got {Kind}"),
    };

    /// <summary>The elements of an array reply; a nil array is empty.</summary>
    public IReadOnlyList<RedisReply> AsArray() =>
        Kind is RedisReplyKind.Array ? Items ?? [] : throw new RedisProtocolException($"expected an array reply, got {Kind}");

    public override string ToString() => Kind switch
    {
        RedisReplyKind.Array => Items is null ? "(nil)" : $"[{string.Join(", ", Items)}]",
        _ => AsString() ?? "(nil)",
    };
}

public enum RedisReplyKind
{
    SimpleString,
    Error,
    Integer,
    Bulk,
    Array,
}
