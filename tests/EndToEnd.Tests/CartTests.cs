using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>A guest cart through the gateway in the real run, filled from the seeded catalogue and stock.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class CartTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private const string CartIdHeader = "X-Cart-Id";

    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    [Fact]
    public async Task A_guest_fills_changes_and_empties_a_cart_through_the_gateway_with_the_cart_id_it_was_given()
    {
        var sku = await FindSkuInStockAsync();

        using var first = await _api.SendAsync(HttpMethod.Get, "/api/cart/cart");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cartId = first.Headers.GetValues(CartIdHeader).Single();
        Assert.Equal(0, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemCount").GetInt32());

        var added = await SendAsync(HttpMethod.Post, "items", cartId, new { sku, quantity = 1 });
        var line = added.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(sku, line.GetProperty("sku").GetString());
        Assert.False(line.GetProperty("priceChanged").GetBoolean());
        Assert.Equal(line.GetProperty("unitPrice").GetProperty("amount").GetInt64(), added.GetProperty("subtotals")[0].GetProperty("amount").GetInt64());

        var set = await SendAsync(HttpMethod.Put, $"items/{sku}", cartId, new { quantity = 2 });
        Assert.Equal(2, set.GetProperty("itemCount").GetInt32());

        var read = await SendAsync(HttpMethod.Get, "cart", cartId);
        Assert.Equal(2, read.GetProperty("itemCount").GetInt32());

        var removed = await SendAsync(HttpMethod.Delete, $"items/{sku}", cartId);
        Assert.Equal(0, removed.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task Unknown_skus_and_malformed_cart_ids_are_refused_with_problems_through_the_gateway()
    {
        using var unknown = await _api.SendAsync(HttpMethod.Post, "/api/cart/items", body: new { sku = "E2E-NO-SUCH-SKU", quantity = 1 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        using var refused = await _api.SendAsync(HttpMethod.Get, "/api/cart/cart", cartId: "not-a-cart-id");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string cartId, object? body = null)
    {
        using var response = await _api.SendAsync(method, $"/api/cart/{path}", body: body, cartId: cartId);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal(cartId, response.Headers.GetValues(CartIdHeader).Single());
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A SKU of the seeded catalogue that inventory has in stock, found the way a shopper browses.</summary>
    private async Task<string> FindSkuInStockAsync()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);
        var page = await shop.Http.GetFromJsonAsync<JsonElement>(new Uri(shop.Gateway, "/api/catalog/products?inStock=true&pageSize=10"));
        foreach (var summary in page.GetProperty("items").EnumerateArray())
        {
            var product = await shop.Http.GetFromJsonAsync<JsonElement>(new Uri(shop.Gateway, $"/api/catalog/products/{summary.GetProperty("id").GetString()}"));
            foreach (var variant in product.GetProperty("variants").EnumerateArray())
            {
                if (variant.GetProperty("available").GetInt32() >= 2) return variant.GetProperty("sku").GetString()!;
            }
        }

        throw new InvalidOperationException($"the seeded catalogue offers no variant with at least 2 in stock:\n{page}");
    }
}
