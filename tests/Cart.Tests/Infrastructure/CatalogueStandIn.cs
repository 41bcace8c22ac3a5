using System.Collections.Concurrent;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;
using DaprShop.Contracts.Inventory;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Cart.Tests.Infrastructure;

/// <summary>
/// Plays catalog's <c>GET /variants/{sku}</c> and inventory's <c>GET /items/{sku}</c> from what a test put in
/// <see cref="Variants"/> and <see cref="Stock"/>; cart reaches it through the real sidecars of both app ids.
/// </summary>
public sealed class CatalogueStandIn : IAsyncDisposable
{
    private CatalogueStandIn(LoopbackApp app) => App = app;

    public LoopbackApp App { get; }

    public ConcurrentDictionary<string, CatalogVariant> Variants { get; } = new();

    public ConcurrentDictionary<string, int> Stock { get; } = new();

    /// <summary>How often cart asked for each SKU's variant.</summary>
    public ConcurrentDictionary<string, int> VariantReads { get; } = new();

    public static async Task<CatalogueStandIn> StartAsync()
    {
        CatalogueStandIn? standIn = null;
        var app = await LoopbackApp.StartAsync(_ => { }, app =>
        {
            app.MapGet("/variants/{sku}", (string sku) =>
            {
                standIn!.VariantReads.AddOrUpdate(sku, 1, (_, reads) => reads + 1);
                return standIn.Variants.TryGetValue(sku, out var variant) ? Results.Ok(variant) : Results.Problem(statusCode: StatusCodes.Status404NotFound);
            });
            app.MapGet("/items/{sku}", (string sku) => Results.Ok(new StockAvailability(sku, standIn!.Stock.GetValueOrDefault(sku))));
        });
        standIn = new CatalogueStandIn(app);
        return standIn;
    }

    /// <summary>A product variant on sale with <paramref name="stock"/> available; a unique SKU per call.</summary>
    public CatalogVariant Offer(long price, int stock = 100, string currency = "EUR")
    {
        var sku = $"TEST-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}";
        var variant = new CatalogVariant(sku, Guid.CreateVersion7(), $"Product {sku}", new Dictionary<string, string> { ["size"] = "M" }, new Money(price, currency), Archived: false);
        Variants[sku] = variant;
        Stock[sku] = stock;
        return variant;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
