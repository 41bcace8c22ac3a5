namespace DaprShop.Benchmarks;

/// <summary>
/// A flash sale: <see cref="Checkouts"/> shoppers checking out <see cref="Units"/> units at once, how the shop answered,
/// how long the last checkout took to be answered, and the time from the first checkout sent to the last order's final
/// status (by its timeline).
/// </summary>
public sealed record FlashSaleResult(
    int Checkouts, int Units, int Paid, int FailedForStock, int FailedOtherwise, int RefusedAtCheckout, int ServerErrors, TimeSpan SlowestAnswer,
    TimeSpan Completion)
{
    /// <summary>Exactly the stock sold, and every other shopper refused cleanly.</summary>
    public bool SoldExactlyTheStock => Paid == Units && FailedForStock + RefusedAtCheckout == Checkouts - Units && ServerErrors == 0;
}
