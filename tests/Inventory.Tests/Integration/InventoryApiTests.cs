using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Api;
using DaprShop.SeedData;

namespace DaprShop.Inventory.Tests.Integration;

/// <summary>Inventory's HTTP API over real HTTP, its actors behind the real sidecar.</summary>
[Collection(InventoryAppCollection.Name)]
public sealed class InventoryApiTests(InventoryApp inventory)
{
    [Fact]
    public async Task A_sku_never_stocked_is_available_zero_times()
    {
        var availability = await inventory.Http.GetFromJsonAsync<StockAvailability>("/items/NEVER-STOCKED-1");

        Assert.Equal(new StockAvailability("NEVER-STOCKED-1", 0), availability);
    }

    [Fact]
    public async Task A_seeded_sku_starts_with_the_seeds_on_hand()
    {
        var seeded = SeedCatalog.Products.SelectMany(product => product.Variants).First(variant => variant.InitialOnHand > 0);

        var availability = await inventory.Http.GetFromJsonAsync<StockAvailability>($"/items/{seeded.Sku}");

        Assert.Equal(new StockAvailability(seeded.Sku, seeded.InitialOnHand), availability);
    }

    [Theory]
    [InlineData("/items/lower-case")]
    [InlineData("/items/AB")]
    [InlineData("/items/TWO--HYPHENS")]
    public async Task A_malformed_sku_is_a_bad_request(string path)
    {
        using var response = await inventory.Http.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_admin_sets_and_adjusts_stock_and_reads_the_levels()
    {
        var admin = inventory.Tokens.Admin(Guid.CreateVersion7());

        using var set = await SendAsync(HttpMethod.Put, "/items/API-ADMIN-1", admin, """{"onHand":12}""");
        using var adjusted = await SendAsync(HttpMethod.Post, "/items/API-ADMIN-1/adjust", admin, """{"delta":-2,"reason":"damaged"}""");
        await inventory.Sku("API-ADMIN-1").Reserve(new ReserveStock("r1", 4, TimeSpan.FromMinutes(10)));
        using var levels = await SendAsync(HttpMethod.Get, "/items/API-ADMIN-1/levels", admin);
        var availability = await inventory.Http.GetFromJsonAsync<StockAvailability>("/items/API-ADMIN-1");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(12, (await set.Content.ReadFromJsonAsync<StockLevelsSnapshot>())!.OnHand);
        Assert.Equal(10, (await adjusted.Content.ReadFromJsonAsync<StockLevelsSnapshot>())!.OnHand);
        var snapshot = (await levels.Content.ReadFromJsonAsync<StockLevelsSnapshot>())!;
        Assert.Equal((10, 4, 0, 6), (snapshot.OnHand, snapshot.Reserved, snapshot.Committed, snapshot.Available));
        Assert.Equal("r1", Assert.Single(snapshot.Reservations).ReservationId);
        Assert.Equal(new StockAvailability("API-ADMIN-1", 6), availability);
    }

    [Fact]
    public async Task Stock_cannot_be_set_or_adjusted_below_what_is_reserved()
    {
        var admin = inventory.Tokens.Admin(Guid.CreateVersion7());
        using var _ = await SendAsync(HttpMethod.Put, "/items/API-CONFLICT-1", admin, """{"onHand":5}""");
        await inventory.Sku("API-CONFLICT-1").Reserve(new ReserveStock("r1", 4, TimeSpan.FromMinutes(10)));

        using var set = await SendAsync(HttpMethod.Put, "/items/API-CONFLICT-1", admin, """{"onHand":3}""");
        using var adjusted = await SendAsync(HttpMethod.Post, "/items/API-CONFLICT-1/adjust", admin, """{"delta":-2,"reason":"stock count"}""");

        await AssertProblemAsync(set, HttpStatusCode.Conflict);
        await AssertProblemAsync(adjusted, HttpStatusCode.Conflict);
        Assert.Equal(5, (await inventory.Sku("API-CONFLICT-1").GetLevels()).OnHand);
    }

    [Fact]
    public async Task An_adjustment_retried_with_its_idempotency_key_adjusts_once()
    {
        var admin = inventory.Tokens.Admin(Guid.CreateVersion7());
        using var _ = await SendAsync(HttpMethod.Put, "/items/API-ADJUST-KEY-1", admin, """{"onHand":10}""");
        var key = Guid.CreateVersion7().ToString();

        using var first = await AdjustAsync("/items/API-ADJUST-KEY-1/adjust", admin, """{"delta":5,"reason":"goods received"}""", key);
        using var retried = await AdjustAsync("/items/API-ADJUST-KEY-1/adjust", admin, """{"delta":5,"reason":"goods received"}""", key);
        using var unkeyed = await AdjustAsync("/items/API-ADJUST-KEY-1/adjust", admin, """{"delta":1,"reason":"found one"}""", idempotencyKey: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retried.StatusCode, unkeyed.StatusCode));
        Assert.Equal(15, (await first.Content.ReadFromJsonAsync<StockLevelsSnapshot>())!.OnHand);
        Assert.Equal(15, (await retried.Content.ReadFromJsonAsync<StockLevelsSnapshot>())!.OnHand);
        Assert.Equal(16, (await inventory.Sku("API-ADJUST-KEY-1").GetLevels()).OnHand);
    }

    public static TheoryData<string> MalformedIdempotencyKeys => ["has a space", "tab\there", new string('k', AdjustStock.AdjustmentIdMaxLength + 1)];

    [Theory]
    [MemberData(nameof(MalformedIdempotencyKeys))]
    public async Task A_malformed_idempotency_key_is_a_bad_request_problem_and_changes_nothing(string key)
    {
        using var response = await AdjustAsync(
            "/items/API-BAD-KEY-1/adjust", inventory.Tokens.Admin(Guid.CreateVersion7()), """{"delta":1,"reason":"received"}""", key);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(InventoryApi.IdempotencyKeyHeader, out _));
        Assert.Equal(0, (await inventory.Sku("API-BAD-KEY-1").GetLevels()).Version);
    }

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "PUT", "/items/API-AUTH-1" },
        { "POST", "/items/API-AUTH-1/adjust" },
        { "GET", "/items/API-AUTH-1/levels" },
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoints_refuse_anonymous_callers_customers_and_forged_tokens(string method, string path)
    {
        var body = method == "GET" ? null : """{"onHand":1,"delta":1,"reason":"test"}""";

        using var anonymous = await SendAsync(new HttpMethod(method), path, bearer: null, body);
        using var customer = await SendAsync(new HttpMethod(method), path, inventory.Tokens.Customer(Guid.CreateVersion7()), body);

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(customer, HttpStatusCode.Forbidden);
        foreach (var (forgery, token) in inventory.Tokens.Forgeries(Guid.CreateVersion7()))
        {
            using var forged = await SendAsync(new HttpMethod(method), path, token, body);
            Assert.True(forged.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: {forged.StatusCode}");
        }

        Assert.Equal(0, (await inventory.Sku("API-AUTH-1").GetLevels()).OnHand);
    }

    public static TheoryData<string, string, string> BadWrites => new()
    {
        { "PUT", "/items/API-BAD-1", "{}" },
        { "PUT", "/items/API-BAD-1", """{"onHand":-1}""" },
        { "PUT", "/items/API-BAD-1", """{"onHand":"many"}""" },
        { "PUT", "/items/API-BAD-1", """{"onHand":1e3}""" },
        { "PUT", "/items/API-BAD-1", "not json" },
        { "PUT", "/items/API-BAD-1", "" },
        { "PUT", "/items/bad-sku", """{"onHand":1}""" },
        { "POST", "/items/API-BAD-1/adjust", "{}" },
        { "POST", "/items/API-BAD-1/adjust", """{"delta":0,"reason":"none"}""" },
        { "POST", "/items/API-BAD-1/adjust", """{"delta":3}""" },
        { "POST", "/items/API-BAD-1/adjust", """{"delta":3,"reason":""}""" },
        { "POST", "/items/API-BAD-1/adjust", """{"delta":99999999999,"reason":"overflow"}""" },
        { "POST", "/items/API-BAD-1/adjust", "[1,2]" },
        { "POST", "/items/bad-sku/adjust", """{"delta":1,"reason":"received"}""" },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task Bad_input_to_every_write_endpoint_is_a_bad_request_problem_and_changes_nothing(string method, string path, string body)
    {
        using var response = await SendAsync(new HttpMethod(method), path, inventory.Tokens.Admin(Guid.CreateVersion7()), body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await inventory.Sku("API-BAD-1").GetLevels()).Version);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, string? json = null)
    {
        using var request = inventory.Request(method, path, bearer, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        return await inventory.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> AdjustAsync(string path, string bearer, string json, string? idempotencyKey)
    {
        using var request = inventory.Request(HttpMethod.Post, path, bearer, new StringContent(json, Encoding.UTF8, "application/json"));
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation(InventoryApi.IdempotencyKeyHeader, idempotencyKey);
        return await inventory.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
