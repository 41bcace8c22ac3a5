using DaprShop.Sidecar.Time;

namespace DaprShop.Sidecar.Tests.Time;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("300ms", 300)]
    [InlineData("1.5s", 1500)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("0h0m5s0ms", 5000)]
    [InlineData("-2s", -2000)]
    [InlineData("1m0.5s", 60_500)]
    [InlineData("1500us", 1.5)]
    [InlineData("1500µs", 1.5)]
    public void Parses_go_durations(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("s")]
    [InlineData("PT5S")]
    public void Rejects_what_go_rejects(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(250, "250ms")]
    [InlineData(1500, "1.5s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(90_000, "1m30s")]
    public void Formats_like_go(double milliseconds, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
