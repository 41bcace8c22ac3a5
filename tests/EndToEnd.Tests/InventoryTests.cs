using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Inventory in the real multi-app run: SKU actors called through inventory's sidecar, availability through the gateway.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class InventoryTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private const string ActorType = "StockItem";

    /// <summary>The concurrency test over the real run: 200 parallel reservations for 50 units → exactly 50 succeed.</summary>
    [Fact]
    public async Task Two_hundred_parallel_reservations_for_fifty_units_reserve_exactly_fifty_and_never_go_negative()
    {
        const string sku = "E2E-RACE-1";
        using var sidecar = shop.SidecarClient(shop.Apps.Single(app => app.AppId == "inventory"));
        using var set = await sidecar.PostAsJsonAsync($"/v1.0/actors/{ActorType}/{sku}/method/SetOnHand", new { onHand = 50 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async order =>
        {
            using var response = await sidecar.PostAsJsonAsync(
                $"/v1.0/actors/{ActorType}/{sku}/method/Reserve", new { reservationId = $"order-{order}:{sku}", quantity = 1, ttl = "00:10:00" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        Assert.Equal(50, outcomes.Count(outcome => outcome.GetProperty("status").GetString() == "Reserved"));
        Assert.Equal(150, outcomes.Count(outcome => outcome.GetProperty("status").GetString() == "InsufficientStock"));
        Assert.All(outcomes, outcome => Assert.InRange(outcome.GetProperty("available").GetInt32(), 0, 50));
        var levels = await (await sidecar.PostAsync($"/v1.0/actors/{ActorType}/{sku}/method/GetLevels", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((50, 50, 0, 0), (
            levels.GetProperty("onHand").GetInt32(), levels.GetProperty("reserved").GetInt32(),
            levels.GetProperty("committed").GetInt32(), levels.GetProperty("available").GetInt32()));

        var availability = await shop.Http.GetFromJsonAsync<JsonElement>(new Uri(shop.Gateway, $"/api/inventory/items/{sku}"));
        Assert.Equal(sku, availability.GetProperty("sku").GetString());
        Assert.Equal(0, availability.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Availability_through_the_gateway_answers_zero_for_an_unknown_sku_and_a_problem_for_a_malformed_one()
    {
        var unknown = await shop.Http.GetFromJsonAsync<JsonElement>(new Uri(shop.Gateway, "/api/inventory/items/E2E-NEVER-STOCKED"));
        using var malformed = await shop.Http.GetAsync(new Uri(shop.Gateway, "/api/inventory/items/not-a-sku"));

        Assert.Equal(0, unknown.GetProperty("available").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Admin_stock_changes_through_the_gateway_need_a_token()
    {
        using var anonymous = await shop.Http.PutAsJsonAsync(new Uri(shop.Gateway, "/api/inventory/items/E2E-ADMIN-1"), new { onHand = 5 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
