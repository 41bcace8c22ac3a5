using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Api;

namespace DaprShop.Inventory.Tests.Api;

public sealed class StockRequestValidatorTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(250, true)]
    [InlineData(SetOnHand.MaxOnHand, true)]
    [InlineData(-1, false)]
    [InlineData(null, false)]
    public void On_hand_must_be_given_and_within_range(int? onHand, bool valid) =>
        Assert.Equal(valid, new SetStockRequestValidator().Validate(new SetStockRequest(onHand)).IsValid);

    [Theory]
    [InlineData(5, "goods received", true)]
    [InlineData(-3, "damaged", true)]
    [InlineData(0, "nothing", false)]
    [InlineData(null, "missing", false)]
    [InlineData(5, "", false)]
    [InlineData(5, null, false)]
    public void An_adjustment_needs_a_non_zero_delta_and_a_reason(int? delta, string? reason, bool valid) =>
        Assert.Equal(valid, new AdjustStockRequestValidator().Validate(new AdjustStockRequest(delta, reason)).IsValid);

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused() =>
        Assert.False(new AdjustStockRequestValidator().Validate(new AdjustStockRequest(1, new string('x', AdjustStock.ReasonMaxLength + 1))).IsValid);
}
