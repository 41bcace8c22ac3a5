using DaprShop.Actors;

namespace DaprShop.Ordering.Persistence;

/// <summary>Every order id, in the order they were placed: the admin's list of all orders.</summary>
public interface IAllOrdersIndexActor : IActor
{
    const string TypeName = "AllOrdersIndex";

    /// <summary>Appends the id unless it is listed already (a replayed checkout lists its order again).</summary>
    Task AddAsync(Guid orderId);

    /// <summary>A slice, newest first, and how many ids there are.</summary>
    Task<OrderIdSlice> ReadAsync(OrderIdRange range);
}

/// <param name="Skip">How many of the newest ids to pass over.</param>
/// <param name="Take">How many to return at most; null for all the rest.</param>
public sealed record OrderIdRange(int Skip, int? Take);

public sealed record OrderIdSlice(IReadOnlyList<Guid> Ids, int Total);
