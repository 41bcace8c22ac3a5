using DaprShop.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>First start with <c>Seed:Enabled</c>: the whole demo catalogue lands in state and in the index, once.</summary>
public sealed class CatalogSeedTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-catalog-seed-").FullName;
    private readonly TestAccessTokens _tokens = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_seed_catalogue_is_written_once_and_searchable_by_text_facets_and_sku()
    {
        var accented = SeedCatalog.Products.First(product => product.Name.Contains("Zürich") || product.Brand.Contains("Zürich"));
        var sample = SeedCatalog.Products[SeedCatalog.Products.Count / 2];

        await using (var first = await CatalogHost.StartAsync(_directory, _tokens, seed: true))
        {
            var all = await first.Client.GetFromJsonAsync<JsonElement>("products?pageSize=100");
            Assert.True(SeedCatalog.Products.Count >= 1_000);
            Assert.Equal(SeedCatalog.Products.Count, all.GetProperty("total").GetInt32());
            Assert.Equal(100, all.GetProperty("items").GetArrayLength());
            Assert.NotEmpty(all.GetProperty("facets").GetProperty("categories").EnumerateArray());
            Assert.NotEmpty(all.GetProperty("facets").GetProperty("brands").EnumerateArray());

            var zurich = await first.Client.GetFromJsonAsync<JsonElement>("products?q=zurich&pageSize=100");
            Assert.Contains(accented.Id.ToString(), zurich.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));

            var variant = await first.Client.GetFromJsonAsync<JsonElement>($"variants/{sample.Variants[0].Sku}");
            Assert.Equal(sample.Variants[0].Price.Amount, variant.GetProperty("price").GetProperty("amount").GetInt64());
            Assert.Equal(sample.Id.ToString(), variant.GetProperty("productId").GetString());
        }

        await using var second = await CatalogHost.StartAsync(_directory, _tokens, seed: true);
        var again = await second.Client.GetFromJsonAsync<JsonElement>("products?pageSize=1");
        Assert.Equal(SeedCatalog.Products.Count, again.GetProperty("total").GetInt32());
        var inStock = SeedCatalog.Products.Count(product => product.Variants.Any(variant => variant.InitialOnHand > 0));
        Assert.Equal(inStock, (await second.Client.GetFromJsonAsync<JsonElement>("products?pageSize=1&inStock=true")).GetProperty("total").GetInt32());
    }
}
