using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Persistence;

/// <summary>
/// Orders in the state store: <c>order:{id}</c>, plus two id lists, newest first, for listing: <c>orders-by-user:{userId}</c>
/// and <c>orders-by-shop:all</c> (admin). Every write is ETag-guarded, so the workflow and the API never overwrite
/// each other's change; a status change is published (<see cref="Topics.OrderStatusChanged"/>) only after it is saved.
/// </summary>
/// <remarks>The admin list is one key holding every order id: enough for this shop's volume, not for millions of orders.</remarks>
internal sealed class OrderStore(DaprClient dapr, ILogger<OrderStore> logger)
{
    public const string AllOrdersIndexKey = "orders-by-shop:all";

    public static string KeyOf(Guid orderId) => $"order:{orderId}";

    public static string UserIndexKeyOf(Guid userId) => $"orders-by-user:{userId}";

    public Task<Order?> GetAsync(Guid orderId, CancellationToken cancellationToken = default) =>
        dapr.GetStateAsync<Order>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);

    /// <summary>Saves a new order (first write wins) and lists it; false when an order with its id already exists.</summary>
    public async Task<bool> TryCreateAsync(Order order, CancellationToken cancellationToken = default)
    {
        if (!await TryFirstWriteAsync(KeyOf(order.Id), order, cancellationToken)) return false;
        await EnsureListedAsync(order, cancellationToken);
        await PublishAsync(order, cancellationToken);
        return true;
    }

    /// <summary>Adds the order to both lists unless it is there (a crash after saving it left it out).</summary>
    public async Task EnsureListedAsync(Order order, CancellationToken cancellationToken = default)
    {
        await AddToIndexAsync(UserIndexKeyOf(order.UserId), order.Id, cancellationToken);
        await AddToIndexAsync(AllOrdersIndexKey, order.Id, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored order until it is saved over the version it read, then publishes
    /// the change. <paramref name="change"/> answers null to leave the order as it is; the stored order is returned then.
    /// </summary>
    public async Task<Order?> UpdateAsync(Guid orderId, Func<Order, Order?> change, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (order, etag) = await dapr.GetStateAndETagAsync<Order>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);
            if (order is null) return null;
            if (change(order) is not { } changed) return order;
            if (await dapr.TrySaveStateAsync(ComponentNames.StateStore, KeyOf(orderId), changed, etag, cancellationToken: cancellationToken))
            {
                await PublishAsync(changed, cancellationToken);
                return changed;
            }
        }
    }

    /// <summary>
    /// As <see cref="UpdateAsync"/>, but the status change commits in the order's own transaction through the
    /// <paramref name="outbox"/>, so it is published even if this process dies right after the save. For changes made
    /// outside a workflow activity (an activity publishes again when it is rerun).
    /// </summary>
    public async Task<Order?> UpdateThroughOutboxAsync(
        Guid orderId, Func<Order, Order?> change, TransactionalOutbox outbox, CancellationToken cancellationToken = default)
    {
        const int Attempts = 20;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (order, etag) = await dapr.GetStateAndETagAsync<Order>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);
            if (order is null || change(order) is not { } changed) return order;

            var statusChanged = outbox.CreateEvent(ComponentNames.PubSub, Topics.OrderStatusChanged, changed.ToStatusChanged());
            var save = new StateTransactionRequest(KeyOf(orderId), JsonSerializer.SerializeToUtf8Bytes(changed, dapr.JsonSerializerOptions), StateOperationType.Upsert, etag);
            if (await outbox.TryCommitAsync([save], statusChanged, cancellationToken))
            {
                await outbox.PublishAsync(statusChanged, cancellationToken);
                return changed;
            }
        }

        // A refused transaction is a conflict or a store failure (Dapr does not tell them apart); a conflict would have settled by now.
        throw new InvalidOperationException($"Order {orderId} could not be saved in {Attempts} attempts.");
    }

    /// <summary>A page of the orders listed under <paramref name="indexKey"/>, newest first, optionally of one status.</summary>
    public async Task<(IReadOnlyList<Order> Items, int Total)> ListAsync(
        string indexKey, OrderStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var ids = await dapr.GetStateAsync<List<Guid>>(ComponentNames.StateStore, indexKey, cancellationToken: cancellationToken) ?? [];
        if (status is null)
        {
            var pageIds = ids.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
            return (await LoadAsync(pageIds, cancellationToken), ids.Count);
        }

        var matching = (await LoadAsync(ids, cancellationToken)).Where(order => order.Status == status).ToArray();
        return (matching.Skip((page - 1) * pageSize).Take(pageSize).ToArray(), matching.Length);
    }

    private async Task<IReadOnlyList<Order>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var items = await dapr.GetBulkStateAsync<Order>(
            ComponentNames.StateStore, ids.Select(KeyOf).ToArray(), parallelism: null, cancellationToken: cancellationToken);
        return items.Where(item => item.Value is not null).Select(item => item.Value!).ToArray();
    }

    private async Task AddToIndexAsync(string indexKey, Guid orderId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, indexKey, cancellationToken: cancellationToken);
            if (ids?.Contains(orderId) == true) return;
            List<Guid> updated = [orderId, .. ids ?? []];
            var saved = etag.Length == 0
                ? await TryFirstWriteAsync(indexKey, updated, cancellationToken)
                : await dapr.TrySaveStateAsync(ComponentNames.StateStore, indexKey, updated, etag, cancellationToken: cancellationToken);
            if (saved) return;
        }
    }

    private async Task<bool> TryFirstWriteAsync<TValue>(string key, TValue value, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.SaveStateAsync(
                ComponentNames.StateStore, key, value, new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprApiException exception) when (exception.IsETagMismatch)
        {
            return false;
        }
    }

    /// <summary>
    /// The change is saved whatever happens here; a broker that cannot take the event is logged, not thrown, so the
    /// caller does not redo a saved change. Subscribers dedupe by (order id, version).
    /// </summary>
    public async Task PublishAsync(Order order, CancellationToken cancellationToken = default)
    {
        try
        {
            await dapr.PublishEventAsync(ComponentNames.PubSub, Topics.OrderStatusChanged, order.ToStatusChanged(), cancellationToken);
        }
        catch (DaprException exception)
        {
            logger.LogWarning(exception, "Order {OrderId} is {Status} (version {Version}) but its status change could not be published", order.Id, order.Status, order.Version);
        }
    }
}
