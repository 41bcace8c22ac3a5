using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Cart.Api;
using DaprShop.Contracts.Cart;

namespace DaprShop.Cart.Tests.Infrastructure;

public static class CartResponses
{
    /// <summary>The cart in a 200 answer (failing with the body otherwise).</summary>
    public static async Task<CartView> ReadCartAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CartView>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Asserts a problem+json answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    public static string? CartIdHeader(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(CartHeaders.CartId, out var values) ? values.Single() : null;
}
