using DaprShop.Inventory.Domain;

namespace DaprShop.Inventory.Tests.Domain;

public sealed class StockLevelsTests
{
    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(5, -1, 0)]
    [InlineData(5, 6, 0)]
    [InlineData(5, 0, -1)]
    public void Levels_that_break_the_invariant_cannot_exist(int onHand, int reserved, int committed) =>
        Assert.Throws<StockInvariantViolationException>(() => new StockLevels(onHand, reserved, committed));

    [Fact]
    public void Available_is_on_hand_minus_reserved()
    {
        var levels = new StockLevels(10, 3, 7);

        Assert.Equal(7, levels.Available);
    }

    [Fact]
    public void Committing_moves_the_quantity_out_of_reserved_and_on_hand_into_committed()
    {
        var committed = new StockLevels(10, 4, 1).Commit(3);

        Assert.Equal(new StockLevels(7, 1, 4), committed);
        Assert.Equal(6, committed.Available);
    }

    [Fact]
    public void Reserving_more_than_available_is_refused_and_forcing_it_breaks_the_invariant()
    {
        var levels = new StockLevels(10, 8, 0);

        Assert.True(levels.CanReserve(2));
        Assert.False(levels.CanReserve(3));
        Assert.False(levels.CanReserve(0));
        Assert.Throws<StockInvariantViolationException>(() => levels.Reserve(3));
    }

    [Fact]
    public void On_hand_can_be_set_down_to_what_is_reserved_but_not_below()
    {
        var levels = new StockLevels(10, 4, 0);

        Assert.True(levels.CanSetOnHand(4, maximum: 100));
        Assert.False(levels.CanSetOnHand(3, maximum: 100));
        Assert.False(levels.CanSetOnHand(101, maximum: 100));
        Assert.Equal(new StockLevels(4, 4, 0), levels.WithOnHand(4));
    }

    [Fact]
    public void Releasing_more_than_reserved_breaks_the_invariant() =>
        Assert.Throws<StockInvariantViolationException>(() => new StockLevels(10, 2, 0).Release(3));
}
