using System.Collections.Concurrent;
using System.Net.Http.Json;
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
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly HttpClient _inventorySidecar;
    private LoopbackApp _app = null!;

    private StockChangeWatcher(HttpClient inventorySidecar) => _inventorySidecar = inventorySidecar;

    /// <param name="SavedVersion">The version stored for the SKU when the event arrived.</param>
    public sealed record Delivery(string CloudEventId, StockChanged Change, long SavedVersion);

    public int Port => _app.BaseAddress.Port;

    public static async Task<StockChangeWatcher> StartAsync(HttpClient inventorySidecar)
    {
        var watcher = new StockChangeWatcher(inventorySidecar);
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
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!condition(For(sku)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        return For(sku);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(JsonElement cloudEvent)
    {
        var change = cloudEvent.GetProperty("data").Deserialize<StockChanged>(JsonSerializerOptions.Web)!;
        var saved = await _inventorySidecar.GetFromJsonAsync<StockItemState>(
            $"/v1.0/actors/{IStockItemActor.TypeName}/{change.Sku}/state/{StockItemState.StateKey}", JsonSerializerOptions.Web);
        _deliveries.Enqueue(new Delivery(cloudEvent.GetProperty("id").GetString()!, change, saved!.Version));
        return Results.Ok();
    }
}
