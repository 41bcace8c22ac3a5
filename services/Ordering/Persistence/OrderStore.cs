using System.Text.Json;
using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Contracts.Ordering;
using DaprShop.Dapr;
using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Persistence;

/// <summary>
/// Orders in the state store: <c>order:{id}</c>, plus two lists of ids for listing: each shopper's, newest first, under
/// <c>orders-by-user:{userId}</c>, and the whole shop's (admin) in <see cref="AllOrdersIndexActor"/>. Every write is
/// ETag-guarded, so the workflow and the API never overwrite each other's change; a status change is published
/// (<see cref="Topics.OrderStatusChanged"/>) only after it is saved.
/// </summary>
/// <remarks>Filtering by status loads every listed order: enough for this shop's volume, not for millions of orders.</remarks>
internal sealed class OrderStore(DaprClient dapr, IActorProxyFactory actors, ILogger<OrderStore> logger)
{
    private static string KeyOf(Guid orderId) => $"order:{orderId}";

    private static string UserIndexKeyOf(Guid userId) => $"orders-by-user:{userId}";

    public Task<Order?> GetAsync(Guid orderId, CancellationToken cancellationToken = default) =>
        dapr.GetStateAsync<Order>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);

    /// <summary>
    /// For the workflows' activities, which only run for saved orders: a missing one is a bug, so it fails the activity.
    /// The ETag comes along, so moving the order on can save over this read instead of reading it again.
    /// </summary>
    public async Task<StoredOrder> GetRequiredAsync(Guid orderId)
    {
        var (order, etag) = await dapr.GetStateAndETagAsync<Order>(ComponentNames.StateStore, KeyOf(orderId));
        return order is null ? throw new InvalidOperationException($"Order {orderId} does not exist.") : new StoredOrder(order, etag);
    }

    /// <summary>
    /// Moves the order to <paramref name="status"/> (saved, then published). Already there, it publishes it again: a
    /// workflow activity reruns after a crash, and the crash may have come between the save and the publish; subscribers
    /// dedupe by (order id, version).
    /// </summary>
    public Task MoveAsync(Guid orderId, OrderStatus status, DateTimeOffset at, string? reason = null) =>
        MoveAsync(orderId, read: null, status, at, reason);

    /// <summary>As <see cref="MoveAsync(Guid, OrderStatus, DateTimeOffset, string?)"/>, trying to save over <paramref name="read"/> first.</summary>
    public Task MoveAsync(StoredOrder read, OrderStatus status, DateTimeOffset at, string? reason = null) =>
        MoveAsync(read.Order.Id, read, status, at, reason);

    private async Task MoveAsync(Guid orderId, StoredOrder? read, OrderStatus status, DateTimeOffset at, string? reason)
    {
        var alreadyThere = false;
        var order = await UpdateAsync(orderId, order =>
        {
            alreadyThere = order.Status == status;
            return alreadyThere ? null : order.MoveTo(status, at, reason);
        }, read);
        if (alreadyThere) await PublishAsync(order!);
    }

    /// <summary>
    /// Saves a new order (first write wins) in one transaction with its entry in the shopper's list, lists it in the
    /// shop's and publishes it; false when an order with its id already exists.
    /// </summary>
    public async Task<bool> TryCreateAsync(Order order, CancellationToken cancellationToken = default)
    {
        const int Attempts = 20;
        var indexKey = UserIndexKeyOf(order.UserId);
        for (var attempt = 1; ; attempt++)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, indexKey, cancellationToken: cancellationToken);
            try
            {
                await dapr.ExecuteStateTransactionAsync(
                    ComponentNames.StateStore,
                    [dapr.Upsert(KeyOf(order.Id), order, etagRead: ""), dapr.Upsert(indexKey, (List<Guid>)[order.Id, .. ids ?? []], etag)],
                    cancellationToken: cancellationToken);
                break;
            }
            catch (DaprApiException exception) when (exception.IsTransactionRefused)
            {
                // The order exists (the same key again) or the list changed (another checkout of this shopper's);
                // Dapr does not tell which, nor a conflict from a store failure, which would not settle.
                if (await GetAsync(order.Id, cancellationToken) is not null) return false;
                if (attempt == Attempts) throw;
            }
        }

        await AllOrders.AddAsync(order.Id);
        await PublishAsync(order, cancellationToken);
        return true;
    }

    /// <summary>Adds the order to both lists unless it is there (a crash after saving it left it out).</summary>
    public async Task EnsureListedAsync(Order order, CancellationToken cancellationToken = default)
    {
        await AddToUserIndexAsync(order.UserId, order.Id, cancellationToken);
        await AllOrders.AddAsync(order.Id);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored order until it is saved over the version it read, then publishes
    /// the change. <paramref name="change"/> answers null to leave the order as it is; the stored order is returned then.
    /// </summary>
    /// <param name="read">A recent read to try first; a save over it that loses to another change reads again.</param>
    private async Task<Order?> UpdateAsync(Guid orderId, Func<Order, Order?> change, StoredOrder? read = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (order, etag) = read is { } known
                ? (known.Order, known.ETag)
                : await dapr.GetStateAndETagAsync<Order>(ComponentNames.StateStore, KeyOf(orderId), cancellationToken: cancellationToken);
            read = null;
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

    /// <summary>A page of the shopper's orders, newest first, optionally of one status.</summary>
    public async Task<(IReadOnlyList<Order> Items, int Total)> ListForUserAsync(
        Guid userId, OrderStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var ids = await dapr.GetStateAsync<List<Guid>>(ComponentNames.StateStore, UserIndexKeyOf(userId), cancellationToken: cancellationToken) ?? [];
        return status is null
            ? (await LoadAsync(ids.Skip((page - 1) * pageSize).Take(pageSize).ToArray(), cancellationToken), ids.Count)
            : await FilterAsync(ids, status.Value, page, pageSize, cancellationToken);
    }

    /// <summary>A page of every order in the shop, newest first, optionally of one status.</summary>
    public async Task<(IReadOnlyList<Order> Items, int Total)> ListAllAsync(
        OrderStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (status is not null) return await FilterAsync((await AllOrders.ReadAsync(new OrderIdRange(0, null))).Ids, status.Value, page, pageSize, cancellationToken);
        var slice = await AllOrders.ReadAsync(new OrderIdRange((page - 1) * pageSize, pageSize));
        return (await LoadAsync(slice.Ids, cancellationToken), slice.Total);
    }

    private async Task<(IReadOnlyList<Order> Items, int Total)> FilterAsync(
        IReadOnlyList<Guid> ids, OrderStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
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

    private IAllOrdersIndexActor AllOrders =>
        actors.CreateActorProxy<IAllOrdersIndexActor>(new ActorId(AllOrdersIndexActor.InstanceId), IAllOrdersIndexActor.TypeName);

    private async Task AddToUserIndexAsync(Guid userId, Guid orderId, CancellationToken cancellationToken)
    {
        var indexKey = UserIndexKeyOf(userId);
        while (true)
        {
            var (ids, etag) = await dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, indexKey, cancellationToken: cancellationToken);
            if (ids?.Contains(orderId) == true) return;
            List<Guid> updated = [orderId, .. ids ?? []];
            if (await dapr.TrySaveOverReadAsync(ComponentNames.StateStore, indexKey, updated, etag, cancellationToken)) return;
        }
    }

    /// <summary>
    /// The change is saved whatever happens here; a broker that cannot take the event is logged, not thrown, so the
    /// caller does not redo a saved change. Subscribers dedupe by (order id, version).
    /// </summary>
    private async Task PublishAsync(Order order, CancellationToken cancellationToken = default)
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
