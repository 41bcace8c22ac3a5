using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>The gateway's edge in the real run: one Swagger UI over every app's document, token checks, CORS.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed partial class GatewayEdgeTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private static readonly string[] PublicAppIds = ["identity", "catalog", "inventory", "cart", "ordering", "payment", "notification"];

    [Fact]
    public async Task The_gateways_swagger_ui_lists_every_app_and_each_document_loads_through_the_gateway()
    {
        var page = new Uri(shop.Gateway, "/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, (await shop.Http.GetAsync(page)).StatusCode);

        var script = await shop.Http.GetStringAsync(new Uri(shop.Gateway, "/swagger/index.js"));
        var listed = JsonDocument.Parse(ConfigObject().Match(script).Groups["json"].Value).RootElement.GetProperty("urls").EnumerateArray()
            .ToDictionary(entry => entry.GetProperty("name").GetString()!, entry => new Uri(page, entry.GetProperty("url").GetString()!));

        foreach (var appId in PublicAppIds)
        {
            Assert.Equal($"/api/{appId}/openapi/v1.json", listed[appId].AbsolutePath);
            var response = await shop.Http.GetAsync(listed[appId]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{appId}'s document: {(int)response.StatusCode}");
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        }
    }

    [Fact]
    public async Task The_catalog_document_is_public_through_the_gateway_and_points_try_it_out_at_the_gateway()
    {
        var response = await shop.Http.GetAsync(new Uri(shop.Gateway, "/api/catalog/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        // Swagger UI's "Try it out" sends requests to the document's server: the gateway, not the app's own port.
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/api/catalog", document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    public static TheoryData<string> Forgeries() => [.. new TestAccessTokens().Forgeries(Guid.CreateVersion7()).Keys];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_on_a_real_route_is_refused_at_the_gateway_with_401(string forgery)
    {
        // A key identity never published: the forgeries are checked against identity's real JWKS.
        var token = new TestAccessTokens().Forgeries(Guid.CreateVersion7())[forgery];
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(shop.Gateway, "/api/catalog/products"));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");

        var response = await shop.Http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_preflight_from_the_shops_own_origin_is_answered_by_the_gateway()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(shop.Gateway, "/api/cart/items"));
        preflight.Headers.Add("Origin", "http://localhost:8080");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-cart-id");

        var response = await shop.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://localhost:8080", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [GeneratedRegex(@"var configObject = (?<json>\{.*?\});\s*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ConfigObject();
}
