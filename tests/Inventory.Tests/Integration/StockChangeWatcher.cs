using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Domain;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Inventory.Tests.Integration;

/// <summary>
/// Another app subscribed to <see cref="Topics.StockChanged"/> behind its own sidecar. On each delivery it reads the
/// SKU's saved state from inventory's sidecar, so a test can tell whether the event left before its state was saved.
/// </summary>
public sealed class StockChangeWatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly Func<string, Task<StockItemState?>> _readSavedState;
    private LoopbackApp _app = null!;

    private StockChangeWatcher(Func<string, Task<StockItemState?>> readSavedState) => _readSavedState = readSavedState;

    /// <param name="SavedVersion">The version stored for the SKU when the event arrived.</param>
    public sealed record Delivery(string CloudEventId, StockChanged Change, long SavedVersion);

    public int Port => _app.BaseAddress.Port;

    /// <param name="readSavedState">Reads a SKU's saved state from inventory's store.</param>
    public static async Task<StockChangeWatcher> StartAsync(Func<string, Task<StockItemState?>> readSavedState)
    {
        var watcher = new StockChangeWatcher(readSavedState);
        watcher._app = await LoopbackApp.StartAsync(_ => { }, app =>
        {
            app.MapGet("/dapr/subscribe", () => Results.Json(new[]
            {
                new { pubsubname = ComponentNames.PubSub, topic = Topics.StockChanged, route = SidecarOnlyRoutes.ForTopic(Topics.StockChanged) },
            }));
            app.MapPost(SidecarOnlyRoutes.ForTopic(Topics.StockChanged), watcher.ReceiveAsync);
        });
        return watcher;
    }

    public IReadOnlyList<Delivery> For(string sku) => [.. _deliveries.Where(delivery => delivery.Change.Sku == sku)];

    /// <summary>Waits until the deliveries for <paramref name="sku"/> satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(string sku, Func<IReadOnlyList<Delivery>, bool> condition)
    {
        await Eventually.UntilAsync(() => Task.FromResult(condition(For(sku))));
        return For(sku);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(JsonElement cloudEvent)
    {
        var change = cloudEvent.GetProperty("data").Deserialize<StockChanged>(JsonSerializerOptions.Web)!;
        var saved = await _readSavedState(change.Sku);
        _deliveries.Enqueue(new Delivery(cloudEvent.GetProperty("id").GetString()!, change, saved!.Version));
        return Results.Ok();
    }
}
