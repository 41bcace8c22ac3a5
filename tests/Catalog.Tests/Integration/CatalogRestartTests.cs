using DaprShop.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>The index is memory only: a new replica must rebuild it, stock included, from the state store alone.</summary>
public sealed class CatalogRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-catalog-restart-").FullName;
    private readonly TestAccessTokens _tokens = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_restarted_replica_rebuilds_products_archives_and_stock_from_state()
    {
        string kept, archived;
        await using (var first = await CatalogHost.StartAsync(_directory, _tokens))
        {
            kept = await CreateAsync(first, "Walnut cutting board", "BOARD-WALNUT");
            archived = await CreateAsync(first, "Walnut spoon", "SPOON-WALNUT");
            await first.Client.SendAsync(CatalogHost.As(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Delete, $"products/{archived}"));
            await first.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged("BOARD-WALNUT", 4, 1, 3, AvailableBefore: 0, 1, DateTimeOffset.UtcNow));
            await Eventually.HoldsAsync(async () => (await SearchAsync(first, "walnut&inStock=true")).GetProperty("total").GetInt32() == 1, "the stock change");
        }

        await using var second = await CatalogHost.StartAsync(_directory, _tokens);

        var found = await SearchAsync(second, "walnut");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(kept, found.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.True(found.GetProperty("items")[0].GetProperty("inStock").GetBoolean());
    }

    private async Task<string> CreateAsync(CatalogHost host, string name, string sku)
    {
        var response = await host.Client.SendAsync(CatalogHost.As(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", JsonContent.Create(CatalogApiTests.ProductBody(name, sku))));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SearchAsync(CatalogHost host, string query) =>
        await host.Client.GetFromJsonAsync<JsonElement>($"products?q={query}");
}
