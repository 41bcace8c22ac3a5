using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// The retry reminder of one outbox event. Its data is when it was armed, so a reminder that finds no record can tell
/// a transaction that never committed (give up) from one still in flight (look again next time).
/// </summary>
internal static class OutboxReminder
{
    public const string Name = "publish";

    public static byte[] Data(DateTimeOffset armedAt) => JsonSerializer.SerializeToUtf8Bytes(armedAt);

    /// <summary>Unreadable data cannot belong to a transaction of ours, so it is given up at once.</summary>
    public static bool IsAbandoned(byte[] data, DateTimeOffset now, TimeSpan abandonAfter)
    {
        try
        {
            return now - JsonSerializer.Deserialize<DateTimeOffset>(data) >= abandonAfter;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
