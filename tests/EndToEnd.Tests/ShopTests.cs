using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.SeedData;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

[Collection(MultiAppRunCollection.Name)]
public sealed class ShopTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    private static readonly string[] AppIds = ["gateway", "identity", "catalog", "inventory", "cart", "ordering", "payment", "notification"];

    [Fact]
    public async Task Every_app_runs_behind_its_own_healthy_sidecar_with_the_embedded_components()
    {
        Assert.Equal(AppIds, shop.Apps.Select(a => a.AppId));
        foreach (var app in shop.Apps)
        {
            using var sidecar = shop.SidecarClient(app);
            using var metadata = JsonDocument.Parse(await sidecar.GetStringAsync("/v1.0/metadata"));
            Assert.Equal(app.AppId, metadata.RootElement.GetProperty("id").GetString());
            var components = metadata.RootElement.GetProperty("components").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
            Assert.Equal("state.sqlite", components["statestore"]);
            Assert.Equal("pubsub.in-memory", components["pubsub"]);
            Assert.Equal("secretstores.local.file", components["secretstore"]);
            Assert.Equal(app.AppId is "notification" or "identity", components.ContainsKey("email"));
            Assert.Equal(HttpStatusCode.OK, (await shop.Http.GetAsync($"http://127.0.0.1:{app.AppPort}/swagger/index.html")).StatusCode);
        }
    }

    [Fact]
    public async Task The_gateway_reaches_a_service_through_service_invocation_with_status_and_body_preserved()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var seeded = SeedCatalog.Products[0];

        var response = await shop.Http.GetAsync(new Uri(shop.Gateway, $"/api/catalog/products/{seeded.Id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(seeded.Name, product.GetProperty("name").GetString());
        Assert.Equal(seeded.Variants[0].Price.Amount, product.GetProperty("variants")[0].GetProperty("price").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task The_gateway_passes_problem_details_back_for_bad_input_and_missing_resources()
    {
        var invalid = await shop.Http.GetAsync(new Uri(shop.Gateway, "/api/catalog/products?pageSize=0"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);

        var missing = await shop.Http.GetAsync(new Uri(shop.Gateway, $"/api/catalog/products/{Guid.CreateVersion7()}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var unknownApp = await shop.Http.GetAsync(new Uri(shop.Gateway, "/api/nosuchapp/anything"));
        Assert.Equal(HttpStatusCode.NotFound, unknownApp.StatusCode);
    }

    [Fact]
    public async Task State_saved_through_one_sidecar_reads_back_with_an_etag_and_is_isolated_per_app()
    {
        using var catalog = shop.SidecarClient(shop.Apps.Single(a => a.AppId == "catalog"));
        using var cart = shop.SidecarClient(shop.Apps.Single(a => a.AppId == "cart"));
        var key = $"e2e-{Guid.NewGuid():N}";

        var save = await catalog.PostAsJsonAsync("/v1.0/state/statestore", new[] { new { key, value = new { hello = "world" } } });
        Assert.Equal(HttpStatusCode.NoContent, save.StatusCode);

        var read = await catalog.GetAsync($"/v1.0/state/statestore/{key}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // daprd sends the ETag unquoted, which HttpClient's typed ETag header cannot parse; read it raw.
        Assert.True(read.Headers.TryGetValues("ETag", out var etag) && etag.Single().Length > 0);
        Assert.Equal("world", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hello").GetString());

        var otherApp = await cart.GetAsync($"/v1.0/state/statestore/{key}");
        Assert.Equal(HttpStatusCode.NoContent, otherApp.StatusCode);
    }

    [Fact]
    public async Task A_product_created_in_catalog_is_published_and_received_by_notification()
    {
        var created = await CreateProductAsync("Rain jacket");
        var file = Path.Combine(shop.DataDirectory, "email", $"product-created-{created.GetProperty("id").GetString()}.txt");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(file))
        {
            Assert.True(DateTime.UtcNow < deadline, $"notification did not write {file}:\n{shop.Output}");
            await Task.Delay(100);
        }
        Assert.Contains("Rain jacket", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Sidecars_refuse_api_calls_without_the_api_token()
    {
        var catalog = shop.Apps.Single(a => a.AppId == "catalog");

        var response = await shop.Http.GetAsync($"http://127.0.0.1:{catalog.DaprHttpPort}/v1.0/metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Apps_refuse_calls_that_do_not_come_from_their_sidecar()
    {
        var catalog = shop.Apps.Single(a => a.AppId == "catalog");

        var response = await shop.Http.GetAsync($"http://127.0.0.1:{catalog.AppPort}/products/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> CreateProductAsync(string name)
    {
        var adminToken = await _api.LogInAsAdminAsync(CancellationToken.None);
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/catalog/products", adminToken, new
        {
            name,
            category = SeedCatalog.Categories[^1].Slug,
            brand = "End-to-end",
            variants = new[] { new { sku = $"SKU-{Random.Shared.Next(100000, 999999)}", price = new { amount = 12900, currency = "EUR" } } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
