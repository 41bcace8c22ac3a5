using DaprShop.Actors;
using DaprShop.Ordering.Persistence;

namespace DaprShop.Ordering.Tests.Integration;

/// <summary>The admin's index of every order, on ordering's actor host through the real sidecar, across page boundaries.</summary>
[Collection(OrderingClusterCollection.Name)]
public sealed class AllOrdersIndexTests(OrderingCluster cluster)
{
    [Fact]
    public async Task It_lists_ids_newest_first_across_pages_and_adds_each_id_once()
    {
        // Its own instance, so the cluster's other tests' orders are not in it.
        var index = cluster.InventoryActors.CreateActorProxy<IAllOrdersIndexActor>(new ActorId($"test-{Guid.NewGuid()}"), IAllOrdersIndexActor.TypeName);
        var ids = Enumerable.Range(0, (2 * AllOrdersIndexActor.PageSize) + 3).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids) await index.AddAsync(id);
        await index.AddAsync(ids[7]);

        var newestFirst = ids.Reverse().ToArray();
        var all = await index.ReadAsync(new OrderIdRange(0, null));
        Assert.Equal(newestFirst, all.Ids);
        Assert.Equal(ids.Length, all.Total);
        Assert.Equal(newestFirst.Take(10), (await index.ReadAsync(new OrderIdRange(0, 10))).Ids);
        Assert.Equal(newestFirst.Skip(500).Take(10), (await index.ReadAsync(new OrderIdRange(500, 10))).Ids);
        Assert.Equal(newestFirst.Skip(995).Take(20), (await index.ReadAsync(new OrderIdRange(995, 20))).Ids);
        Assert.Equal(newestFirst.Skip(ids.Length - 3), (await index.ReadAsync(new OrderIdRange(ids.Length - 3, 10))).Ids);
        Assert.Empty((await index.ReadAsync(new OrderIdRange(ids.Length, 10))).Ids);
    }
}
