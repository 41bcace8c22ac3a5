using System.Net;

namespace DaprShop.Gateway.Tests;

/// <summary>Browser cross-origin rules, answered at the gateway.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string ShopOrigin = "https://shop.example";
    private const string DevOrigin = "http://localhost:5173";

    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, settings: new Dictionary<string, string?>
        {
            ["Gateway:Cors:AllowedOrigins"] = $"{ShopOrigin}; {DevOrigin}",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Theory]
    [InlineData(ShopOrigin)]
    [InlineData(DevOrigin)]
    public async Task A_preflight_from_an_allowed_origin_is_answered_by_the_gateway_and_never_forwarded(string origin)
    {
        var preflight = Preflight(origin, "POST", "authorization,content-type,idempotency-key,x-cart-id,x-correlation-id");

        var response = await _gateway.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(','));
        var allowedHeaders = response.Headers.GetValues("Access-Control-Allow-Headers").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(["authorization", "content-type", "idempotency-key", "x-cart-id", "x-correlation-id"], allowedHeaders.Select(header => header.ToLowerInvariant()).Order());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Empty(_sidecar.Received);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_permission()
    {
        var response = await _gateway.Client.SendAsync(Preflight("https://evil.example", "DELETE", "authorization"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(_sidecar.Received);
    }

    [Fact]
    public async Task A_preflight_asking_for_a_header_outside_the_list_gets_no_permission_for_it()
    {
        var response = await _gateway.Client.SendAsync(Preflight(ShopOrigin, "GET", "x-admin-override"));

        // The browser compares what it asked for with what is allowed, and refuses the request.
        var allowed = response.Headers.TryGetValues("Access-Control-Allow-Headers", out var values) ? values.Single() : "";
        Assert.DoesNotContain("x-admin-override", allowed, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_sidecar.Received);
    }

    [Fact]
    public async Task A_cross_origin_response_names_its_origin_and_exposes_the_headers_clients_read()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/cart/cart");
        request.Headers.Add("Origin", ShopOrigin);

        var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShopOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = response.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(["Location", "Retry-After", "X-Cart-Id", "X-Correlation-Id"], exposed.Order());
        Assert.Equal(ShopOrigin, Assert.Single(_sidecar.Received).Headers["Origin"]);
    }

    [Fact]
    public async Task The_default_origins_give_way_entirely_to_configured_ones()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add("Origin", "http://localhost:8080");

        var response = await _gateway.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin, string method, string headers)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/catalog/products");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", headers);
        return preflight;
    }
}
