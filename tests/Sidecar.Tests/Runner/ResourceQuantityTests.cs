using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Tests.Runner;

public sealed class ResourceQuantityTests
{
    [Theory]
    [InlineData("4Mi", 4L * 1024 * 1024)]
    [InlineData("512Ki", 512L * 1024)]
    [InlineData("1Gi", 1L << 30)]
    [InlineData("2G", 2_000_000_000L)]
    [InlineData("3k", 3000L)]
    [InlineData("1e6", 1_000_000L)]
    [InlineData("1E3", 1000L)]
    [InlineData("1.5Mi", 1572864L)]
    [InlineData("0.5", 1L)]
    [InlineData("1000m", 1L)]
    [InlineData("100", 100L)]
    public void Quantities_become_bytes_like_kubernetes_quantities(string text, long expectedBytes)
    {
        Assert.Equal(expectedBytes, ResourceQuantity.ParseBytes(text));
    }

    [Theory]
    [InlineData("4MB")]
    [InlineData("Mi")]
    [InlineData("")]
    [InlineData("-1Mi")]
    [InlineData("4 Mi")]
    public void Anything_else_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => ResourceQuantity.ParseBytes(text));
    }
}
