using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>A shopper's first visit, through the gateway of the real multi-app run, as issue 4's outcome describes it.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class ShopperJourneyTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private readonly ShopSetup _api = new(shop.Run, shop.Http);

    [Fact]
    public async Task A_guest_browses_searches_fills_a_cart_registers_verifies_logs_in_and_finds_the_cart_merged()
    {
        await _api.WaitForSeededCatalogAsync(CancellationToken.None);

        // Browse a category and search with an accent-free spelling of an accented brand.
        var page = await GetJsonAsync("/api/catalog/products?category=outdoor&inStock=true&sort=price-asc&pageSize=5");
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        var prices = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("price").GetProperty("amount").GetInt64()).ToList();
        Assert.Equal(prices.Order(), prices);
        var search = await GetJsonAsync("/api/catalog/products?q=zurich");
        Assert.All(search.GetProperty("items").EnumerateArray(), item => Assert.Contains("Zürich", item.GetProperty("brand").GetString()));

        // A product in stock, and one of its variants that is.
        var productId = page.GetProperty("items")[0].GetProperty("id").GetString();
        var product = await GetJsonAsync($"/api/catalog/products/{productId}");
        var variant = product.GetProperty("variants").EnumerateArray().First(v => v.GetProperty("available").GetInt32() > 0);
        var sku = variant.GetProperty("sku").GetString()!;

        // The guest cart: its id comes back on the first response.
        using var added = await _api.SendAsync(HttpMethod.Post, "/api/cart/items", body: new { sku, quantity = 1 });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var guestCartId = added.Headers.GetValues("X-Cart-Id").Single();

        // Register; an unverified account cannot log in and is told why.
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        using var registered = await _api.SendAsync(HttpMethod.Post, "/api/identity/register", body: new { email, password = ShopSetup.CustomerPassword, name = "Journey Shopper" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var tooEarly = await _api.SendAsync(HttpMethod.Post, "/api/identity/login", body: new { email, password = ShopSetup.CustomerPassword });
        Assert.Equal(HttpStatusCode.Forbidden, tooEarly.StatusCode);
        Assert.Contains("verif", await tooEarly.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // Verify with the token from the email the run wrote, then log in with the guest cart.
        var token = await _api.ReadEmailedTokenAsync(email, "verify-email", CancellationToken.None);
        using var verified = await _api.SendAsync(HttpMethod.Post, "/api/identity/verify-email", body: new { token });
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync());
        using var login = await _api.SendAsync(HttpMethod.Post, "/api/identity/login", body: new { email, password = ShopSetup.CustomerPassword }, cartId: guestCartId);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var accessToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        using var me = await _api.SendAsync(HttpMethod.Get, "/api/identity/me", accessToken);
        Assert.Equal(email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        // The guest's line is now in the user's cart, and the guest cart is empty.
        using var userCart = await _api.SendAsync(HttpMethod.Get, "/api/cart/cart", accessToken);
        var lines = (await userCart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines");
        Assert.Contains(lines.EnumerateArray(), line => line.GetProperty("sku").GetString() == sku && line.GetProperty("quantity").GetInt32() == 1);
        using var guestCart = await _api.SendAsync(HttpMethod.Get, "/api/cart/cart", cartId: guestCartId);
        Assert.Empty((await guestCart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
