using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Browse and search of the seeded catalogue through the gateway of the real multi-app run, anonymously.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CatalogTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await shop.Http.GetAsync(new Uri(shop.Gateway, path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task The_whole_seed_catalogue_is_browsable_page_by_page_with_facets()
    {
        Assert.Equal(SeedCatalog.Products.Count, await _api.WaitForSeededCatalogAsync(CancellationToken.None));

        var first = await GetJsonAsync("/api/catalog/products?pageSize=100");
        var second = await GetJsonAsync("/api/catalog/products?pageSize=100&page=2");

        Assert.Equal(SeedCatalog.Products.Count, first.GetProperty("total").GetInt32());
        Assert.Equal((2, 100), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Empty(Items(first).Select(Id).Intersect(Items(second).Select(Id)));
        var facets = first.GetProperty("facets");
        Assert.Equal(SeedCatalog.Products.Count, facets.GetProperty("prices").EnumerateArray().Sum(bucket => bucket.GetProperty("count").GetInt32()));
        Assert.NotEmpty(facets.GetProperty("brands").EnumerateArray());
        Assert.NotEmpty(facets.GetProperty("attributes").EnumerateObject());
    }

    [Fact]
    public async Task A_category_lists_its_subcategories_products_sorted_by_price()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var tree = await GetJsonAsync("/api/catalog/categories");
        var parent = tree.EnumerateArray().First(root => root.GetProperty("children").GetArrayLength() > 0);
        var slug = parent.GetProperty("slug").GetString()!;
        var inSubtree = Subtree(parent).ToHashSet();

        var page = await GetJsonAsync($"/api/catalog/products?category={slug}&sort=price-asc&pageSize=50");

        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.All(Items(page), item => Assert.Contains(item.GetProperty("category").GetString()!, inSubtree));
        var prices = Items(page).Select(item => item.GetProperty("price").GetProperty("amount").GetInt64()).ToList();
        Assert.Equal(prices.Order(), prices);
    }

    [Fact]
    public async Task Search_ignores_accents_and_case_and_completes_the_last_word()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var accented = SeedCatalog.Products.First(product => product.Brand.Contains("Zürich"));

        var byBrand = await GetJsonAsync("/api/catalog/products?q=ZURICH&brand=Z%C3%BCrich%20Outdoor&pageSize=100");
        var byPrefix = await GetJsonAsync($"/api/catalog/products?q={Uri.EscapeDataString(accented.Name[..^2])}&pageSize=100");

        Assert.Contains(accented.Id.ToString(), Items(byBrand).Select(Id));
        Assert.All(Items(byBrand), item => Assert.Equal("Zürich Outdoor", item.GetProperty("brand").GetString()));
        Assert.Contains(accented.Id.ToString(), Items(byPrefix).Select(Id));
    }

    [Fact]
    public async Task A_product_and_its_variants_read_back_as_seeded()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var seeded = SeedCatalog.Products[SeedCatalog.Products.Count / 3];

        var product = await GetJsonAsync($"/api/catalog/products/{seeded.Id}");
        var variant = await GetJsonAsync($"/api/catalog/variants/{seeded.Variants[0].Sku}");

        Assert.Equal(seeded.Name, product.GetProperty("name").GetString());
        Assert.Equal(seeded.Variants.Select(v => v.Sku), product.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("sku").GetString()));
        Assert.Equal(seeded.Id.ToString(), variant.GetProperty("productId").GetString());
        Assert.Equal(seeded.Variants[0].Price.Amount, variant.GetProperty("price").GetProperty("amount").GetInt64());
    }

    [Theory]
    [InlineData("/api/catalog/products?sort=cheapest")]
    [InlineData("/api/catalog/products?pageSize=101")]
    [InlineData("/api/catalog/products?page=0")]
    public async Task Bad_search_parameters_are_400_problems(string path)
    {
        var response = await shop.Http.GetAsync(new Uri(shop.Gateway, path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_write_products()
    {
        var response = await shop.Http.PostAsJsonAsync(new Uri(shop.Gateway, "/api/catalog/products"), new { name = "Sneaky" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string? Id(JsonElement item) => item.GetProperty("id").GetString();

    private static IEnumerable<string> Subtree(JsonElement node) =>
        node.GetProperty("children").EnumerateArray().SelectMany(Subtree).Prepend(node.GetProperty("slug").GetString()!);
}
