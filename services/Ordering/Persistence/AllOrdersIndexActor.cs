using DaprShop.Actors;

namespace DaprShop.Ordering.Persistence;

/// <summary>
/// One actor (id <see cref="InstanceId"/>) lists every order id in pages of <see cref="PageSize"/>, oldest first:
/// <c>count</c>, <c>page-{n}</c>, and a <c>listed:{orderId}</c> marker that makes adding idempotent. Its turns serialize
/// the shop's checkouts, so adding never retries on a conflict, and each add rewrites one bounded page, not a list
/// of every order: a single state key holding all ids made every checkout contend on it and rewrite it whole.
/// </summary>
public sealed class AllOrdersIndexActor(ActorHost host) : Actor(host), IAllOrdersIndexActor
{
    public const string InstanceId = "all";
    public const int PageSize = 500;
    private const string CountKey = "count";

    public async Task AddAsync(Guid orderId)
    {
        if (await StateManager.ContainsStateAsync(ListedKey(orderId))) return;
        var count = await CountAsync();
        var pageKey = PageKey(count / PageSize);
        var page = await StateManager.TryGetStateAsync<List<Guid>>(pageKey);
        await StateManager.SetStateAsync(pageKey, (List<Guid>)[.. page.HasValue ? page.Value : [], orderId]);
        await StateManager.SetStateAsync(CountKey, count + 1);
        await StateManager.SetStateAsync(ListedKey(orderId), true);
        await StateManager.SaveStateAsync();
    }

    public async Task<OrderIdSlice> ReadAsync(OrderIdRange range)
    {
        var count = await CountAsync();
        // Positions count-1 (newest) down to 0; the slice is [first, last] in that order.
        var first = count - 1 - range.Skip;
        var last = Math.Max(range.Take is { } take ? first - take + 1 : 0, 0);
        var ids = new List<Guid>();
        for (var pageNumber = first / PageSize; first >= last && pageNumber >= last / PageSize; pageNumber--)
        {
            var page = await StateManager.GetStateAsync<List<Guid>>(PageKey(pageNumber));
            var from = Math.Min(first, (pageNumber * PageSize) + page.Count - 1);
            var to = Math.Max(last, pageNumber * PageSize);
            for (var position = from; position >= to; position--) ids.Add(page[position - (pageNumber * PageSize)]);
        }

        return new OrderIdSlice(ids, count);
    }

    private async Task<int> CountAsync()
    {
        var count = await StateManager.TryGetStateAsync<int>(CountKey);
        return count.HasValue ? count.Value : 0;
    }

    private static string PageKey(int pageNumber) => $"page-{pageNumber}";

    private static string ListedKey(Guid orderId) => $"listed:{orderId}";
}
