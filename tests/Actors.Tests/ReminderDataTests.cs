using System.Text;
using System.Text.Json;

namespace DaprShop.Actors.Tests;

public sealed class ReminderDataTests
{
    [Fact]
    public void Bytes_round_trip_through_a_base64_json_string()
    {
        byte[] state = [0, 1, 2, 250, 255];
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ReminderData.Encode(state)));

        Assert.Equal(state, ReminderData.Decode(json.RootElement));
    }

    [Theory]
    [InlineData("""{"reason":"idle"}""")]
    [InlineData("42")]
    [InlineData("\"not base64!\"")]
    public void Other_json_is_delivered_as_its_utf8_text(string data)
    {
        using var json = JsonDocument.Parse(data);

        Assert.Equal(data, Encoding.UTF8.GetString(ReminderData.Decode(json.RootElement)));
    }

    [Fact]
    public void Absent_or_null_data_is_empty()
    {
        using var json = JsonDocument.Parse("null");

        Assert.Empty(ReminderData.Decode(json.RootElement));
        Assert.Empty(ReminderData.Decode(default));
        Assert.Null(ReminderData.Encode(null));
    }
}
