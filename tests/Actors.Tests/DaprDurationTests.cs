namespace DaprShop.Actors.Tests;

public sealed class DaprDurationTests
{
    [Theory]
    [InlineData(0, "0h0m0s0ms")]
    [InlineData(5_000, "0h0m5s0ms")]
    [InlineData(90_250, "0h1m30s250ms")]
    [InlineData(26 * 3_600_000, "26h0m0s0ms")]
    [InlineData(-1, "")]
    public void Formats_like_the_sdk_as_go_durations_with_negative_meaning_none(int milliseconds, string expected) =>
        Assert.Equal(expected, DaprDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("0h0m5s0ms", 5_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250ms", 250)]
    [InlineData("@every 1h0m0s", 3_600_000)]
    [InlineData("PT15M", 900_000)]
    [InlineData("R3/PT1H", 3_600_000)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    [InlineData("2025-12-31T00:00:00Z", 0)]
    public void Parses_go_and_iso_durations_and_reads_anything_else_as_zero(string? text, int expectedMilliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), DaprDuration.Parse(text));
}
