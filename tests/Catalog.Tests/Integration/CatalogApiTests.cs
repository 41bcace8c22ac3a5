using DaprShop.Catalog.Domain;
using DaprShop.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>Admin CRUD, authorization, bad input and stock events, through the real sidecar; no seed.</summary>
public sealed class CatalogApiTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-catalog-tests-").FullName;
    private readonly TestAccessTokens _tokens = new();
    private CatalogHost _host = null!;

    public async Task InitializeAsync() => _host = await CatalogHost.StartAsync(_directory, _tokens);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    internal static object ProductBody(string name, params string[] skus) => new
    {
        name,
        description = "Made for the integration tests.",
        category = SeedData.SeedCatalog.Categories[^1].Slug,
        brand = "Testwerk",
        tags = new[] { "integration" },
        attributes = new Dictionary<string, string> { ["material"] = "cotton" },
        imageUrls = new[] { "https://img.example/test.jpg" },
        variants = skus.Select((sku, index) => new { sku, options = new Dictionary<string, string> { ["size"] = $"S{index}" }, price = new { amount = 1500 + index * 100, currency = "EUR" } }),
    };

    private static string UniqueSku(string stem) => $"{stem}-{Random.Shared.Next(100_000, 999_999)}";

    private async Task<HttpResponseMessage> SendAsync(string? token, HttpMethod method, string path, object? body = null) =>
        await _host.Client.SendAsync(CatalogHost.As(token, method, path, body is null ? null : JsonContent.Create(body)));

    private async Task<JsonElement> CreateAsync(string name, params string[] skus)
    {
        var response = await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", ProductBody(name, skus));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_admin_creates_updates_and_archives_a_product_and_search_follows_each_step()
    {
        var sku = UniqueSku("LANTERN");
        var created = await CreateAsync("Brass lantern Jürgen", sku);
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1, created.GetProperty("version").GetInt64());

        var read = await GetJsonAsync($"products/{id}");
        Assert.Equal("Brass lantern Jürgen", read.GetProperty("name").GetString());
        Assert.Equal(1500, read.GetProperty("variants")[0].GetProperty("price").GetProperty("amount").GetInt64());
        var found = await GetJsonAsync("products?q=jurg lant");
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetString());

        var updated = await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Put, $"products/{id}", ProductBody("Copper lantern", sku));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(0, (await GetJsonAsync("products?q=brass")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await GetJsonAsync("products?q=copper")).GetProperty("total").GetInt32());

        var variant = await GetJsonAsync($"variants/{sku}");
        Assert.Equal("Copper lantern", variant.GetProperty("productName").GetString());
        Assert.False(variant.GetProperty("archived").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Delete, $"products/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Delete, $"products/{id}")).StatusCode);
        await AssertProblemAsync(await _host.Client.GetAsync($"products/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await GetJsonAsync("products?q=copper")).GetProperty("total").GetInt32());
        Assert.True((await GetJsonAsync($"variants/{sku}")).GetProperty("archived").GetBoolean());
        await AssertProblemAsync(await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Put, $"products/{id}", ProductBody("Revived", sku)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_variant_lookup_follows_a_sku_that_moved_to_another_product_or_went_away()
    {
        var (moving, leaving) = (UniqueSku("MOVER"), UniqueSku("GONE"));
        var first = (await CreateAsync("First home", moving, leaving)).GetProperty("id").GetString();
        Assert.Equal("First home", (await GetJsonAsync($"variants/{moving}")).GetProperty("productName").GetString());
        Assert.Equal("First home", (await GetJsonAsync($"variants/{leaving}")).GetProperty("productName").GetString());

        var kept = UniqueSku("KEPT");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Put, $"products/{first}", ProductBody("First home", kept))).StatusCode);
        await CreateAsync("Second home", moving);

        Assert.Equal("Second home", (await GetJsonAsync($"variants/{moving}")).GetProperty("productName").GetString());
        await AssertProblemAsync(await _host.Client.GetAsync($"variants/{leaving}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Writes_need_an_admin_token()
    {
        var id = (await CreateAsync("Guarded stool", UniqueSku("STOOL"))).GetProperty("id").GetString();
        var body = ProductBody("Hijacked", UniqueSku("HIJACK"));

        foreach (var (method, path) in new[] { (HttpMethod.Post, "products"), (HttpMethod.Put, $"products/{id}"), (HttpMethod.Delete, $"products/{id}") })
        {
            await AssertProblemAsync(await SendAsync(null, method, path, method == HttpMethod.Delete ? null : body), HttpStatusCode.Unauthorized);
            await AssertProblemAsync(await SendAsync(_tokens.Customer(Guid.CreateVersion7()), method, path, method == HttpMethod.Delete ? null : body), HttpStatusCode.Forbidden);
            await AssertProblemAsync(await SendAsync(new TestAccessTokens().Admin(Guid.CreateVersion7()), method, path, method == HttpMethod.Delete ? null : body), HttpStatusCode.Unauthorized);
        }

        Assert.Equal("Guarded stool", (await GetJsonAsync($"products/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_sku_belongs_to_one_product_only()
    {
        var sku = UniqueSku("KETTLE");
        await CreateAsync("First kettle", sku);
        var other = (await CreateAsync("Second kettle", UniqueSku("KETTLE"))).GetProperty("id").GetString();

        var duplicate = await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", ProductBody("Copycat kettle", UniqueSku("FRESH"), sku));
        await AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal(sku, (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skus")[0].GetString());
        await AssertProblemAsync(await SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Put, $"products/{other}", ProductBody("Second kettle", sku)), HttpStatusCode.Conflict);
        Assert.Equal(0, (await GetJsonAsync("products?q=copycat")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Concurrent_creates_with_one_sku_let_exactly_one_through()
    {
        var sku = UniqueSku("RACE");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", ProductBody($"Racer {index}", sku))));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created), response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
    }

    [Fact]
    public async Task Parallel_creates_all_land_in_the_list_of_products()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(index =>
            SendAsync(_tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", ProductBody($"Parallel pebble {index}", UniqueSku("PEBBLE")))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var (ids, _) = await _host.Dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, "product-ids");
        foreach (var response in responses)
        {
            Assert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), ids!);
        }
        Assert.Equal(12, (await GetJsonAsync("products?q=pebble")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_input_to_every_write_endpoint_is_a_400_problem()
    {
        var id = (await CreateAsync("Valid lamp", UniqueSku("LAMP"))).GetProperty("id").GetString();
        var admin = _tokens.Admin(Guid.CreateVersion7());
        object[] badBodies =
        [
            new { name = "", category = "nope", brand = "", variants = Array.Empty<object>() },
            new { name = "Lamp", category = SeedData.SeedCatalog.Categories[0].Slug, brand = "B", variants = new[] { new { sku = "lower-case", price = new { amount = -1, currency = "EURO" } } } },
        ];

        foreach (var body in badBodies)
        {
            await AssertProblemAsync(await SendAsync(admin, HttpMethod.Post, "products", body), HttpStatusCode.BadRequest);
            await AssertProblemAsync(await SendAsync(admin, HttpMethod.Put, $"products/{id}", body), HttpStatusCode.BadRequest);
        }

        foreach (var path in new[] { "products", $"products/{id}" })
        {
            var malformed = CatalogHost.As(admin, path == "products" ? HttpMethod.Post : HttpMethod.Put, path, new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
            await AssertProblemAsync(await _host.Client.SendAsync(malformed), HttpStatusCode.BadRequest);
        }

        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"products/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await SendAsync(admin, HttpMethod.Put, $"products/{Guid.CreateVersion7()}", ProductBody("Ghost", UniqueSku("GHOST"))), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("products?sort=cheapest")]
    [InlineData("products?pageSize=0")]
    [InlineData("products?pageSize=101")]
    [InlineData("products?page=abc")]
    [InlineData("products?minPrice=500&maxPrice=100")]
    [InlineData("products?category=no-such-category")]
    [InlineData("products?attr=colour")]
    [InlineData("products?inStock=perhaps")]
    [InlineData("variants/not-a-sku")]
    public async Task Bad_query_parameters_are_a_400_problem(string path) =>
        await AssertProblemAsync(await _host.Client.GetAsync(path), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Stock_events_set_availability_and_older_versions_are_ignored()
    {
        var sku = UniqueSku("CANDLE");
        var marker = UniqueSku("MARKER");
        var id = (await CreateAsync("Beeswax candle", sku)).GetProperty("id").GetString();
        Assert.False((await GetJsonAsync($"products/{id}")).GetProperty("inStock").GetBoolean());

        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(sku, 9, 2, 7, AvailableBefore: 0, 2, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await GetJsonAsync($"products/{id}")).GetProperty("variants")[0].GetProperty("available").GetInt32() == 7, "the stock change");
        Assert.Equal(id, (await GetJsonAsync("products?q=beeswax&inStock=true")).GetProperty("items")[0].GetProperty("id").GetString());

        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(sku, 0, 0, 0, AvailableBefore: 3, 1, DateTimeOffset.UtcNow));
        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(marker, 1, 0, 1, AvailableBefore: 0, 1, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => await _host.Dapr.GetStateAsync<JsonElement?>(ComponentNames.StateStore, $"stock-level:{marker}") is not null, "the marker event");

        Assert.Equal(7, (await GetJsonAsync($"products/{id}")).GetProperty("variants")[0].GetProperty("available").GetInt32());
        Assert.Equal(0, (await GetJsonAsync("products?q=beeswax&inStock=false")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_stock_change_that_leaves_availability_as_it_was_is_not_delivered()
    {
        var sku = UniqueSku("LANTERN");
        var marker = UniqueSku("MARKER");
        var id = (await CreateAsync("Storm lantern", sku)).GetProperty("id").GetString();
        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(sku, 9, 2, 7, AvailableBefore: 0, 1, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => (await GetJsonAsync($"products/{id}")).GetProperty("variants")[0].GetProperty("available").GetInt32() == 7, "the stock change");

        // Inconsistent on purpose (5 is not what the SKU had): only the subscription's match can keep it out.
        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(sku, 5, 0, 5, AvailableBefore: 5, 2, DateTimeOffset.UtcNow));
        await _host.Dapr.PublishEventAsync(ComponentNames.PubSub, Topics.StockChanged, new StockChanged(marker, 1, 0, 1, AvailableBefore: 0, 1, DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => await _host.Dapr.GetStateAsync<JsonElement?>(ComponentNames.StateStore, $"stock-level:{marker}") is not null, "the marker event");

        Assert.Equal(7, (await GetJsonAsync($"products/{id}")).GetProperty("variants")[0].GetProperty("available").GetInt32());
        Assert.Equal(1, (await _host.Dapr.GetStateAsync<JsonElement>(ComponentNames.StateStore, $"stock-level:{sku}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_product_saved_by_another_replica_reaches_this_index_without_an_event()
    {
        await CreateAsync("Local teapot", UniqueSku("TEAPOT"));
        // What another replica's admin write leaves in state when pub/sub hands its event to that replica, not this one.
        var product = Product.Create(Guid.CreateVersion7(), new ProductContent(
            "Elsewhere teapot", "", SeedData.SeedCatalog.Categories[^1].Slug, "Otherhost", [], new Dictionary<string, string>(), [],
            [new ProductVariant(UniqueSku("TEAPOT"), new Dictionary<string, string>(), new Money(2500, "EUR"))]), DateTimeOffset.UtcNow);
        await _host.Dapr.SaveStateAsync(ComponentNames.StateStore, $"product:{product.Id}", product);
        var (ids, etag) = await _host.Dapr.GetStateAndETagAsync<List<Guid>>(ComponentNames.StateStore, "product-ids");
        Assert.True(await _host.Dapr.TrySaveStateAsync(ComponentNames.StateStore, "product-ids", ids!.Append(product.Id).ToList(), etag));

        await Eventually.HoldsAsync(async () => (await GetJsonAsync("products?q=elsewhere")).GetProperty("total").GetInt32() == 1, "the resync");
    }

    [Fact]
    public async Task Categories_come_as_a_tree()
    {
        var roots = await GetJsonAsync("categories");

        Assert.Equal(SeedData.SeedCatalog.Categories.Count(category => category.ParentSlug is null), roots.GetArrayLength());
        Assert.Contains(roots.EnumerateArray(), root => root.GetProperty("children").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_product_or_sku_is_a_404_problem()
    {
        await AssertProblemAsync(await _host.Client.GetAsync($"products/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await _host.Client.GetAsync("variants/NO-SUCH-SKU-1"), HttpStatusCode.NotFound);
    }
}
