using DaprShop.Gateway.Correlation;
using Microsoft.Extensions.Primitives;

namespace DaprShop.Gateway.Tests;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("0192f0c4-9c1e-7a3b-8d2e-4f5a6b7c8d9e")]
    [InlineData("req_42")]
    [InlineData("client.checkout:7")]
    public void A_callers_well_formed_id_is_kept(string presented) =>
        Assert.Equal(presented, CorrelationId.FromRequestHeader(presented));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("<script>")]
    [InlineData("naïve")]
    public void A_malformed_id_is_replaced(string presented)
    {
        var correlationId = CorrelationId.FromRequestHeader(presented);

        Assert.NotEqual(presented, correlationId);
        Assert.True(Guid.TryParse(correlationId, out _));
    }

    [Fact]
    public void An_overlong_id_is_replaced()
    {
        var presented = new string('a', CorrelationId.MaxLength + 1);

        Assert.Equal(new string('a', CorrelationId.MaxLength), CorrelationId.FromRequestHeader(presented[..CorrelationId.MaxLength]));
        Assert.NotEqual(presented, CorrelationId.FromRequestHeader(presented));
    }

    [Fact]
    public void A_missing_id_is_generated_fresh_each_time()
    {
        var first = CorrelationId.FromRequestHeader(StringValues.Empty);
        var second = CorrelationId.FromRequestHeader(StringValues.Empty);

        Assert.True(Guid.TryParse(first, out _));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Several_ids_are_ambiguous_and_replaced()
    {
        var correlationId = CorrelationId.FromRequestHeader(new StringValues(["a", "b"]));

        Assert.True(Guid.TryParse(correlationId, out _));
    }
}
