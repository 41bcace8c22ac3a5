using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DaprShop.Testing;

namespace DaprShop.Gateway.Tests;

/// <summary>Per-client limits at the edge, lowered through configuration as a deployment would set them.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int LoginLimit = 3;
    private const int WriteLimit = 5;
    private static readonly IPAddress AnotherClient = IPAddress.Parse("127.0.0.2");

    private readonly TestAccessTokens _identity = new();
    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _sidecar.Jwks = _identity.JwksJson();
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, settings: new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:Login:PermitLimit"] = LoginLimit.ToString(),
            ["Gateway:RateLimits:Login:Window"] = "00:05:00",
            ["Gateway:RateLimits:Writes:PermitLimit"] = WriteLimit.ToString(),
            ["Gateway:RateLimits:Writes:Window"] = "00:05:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Theory]
    [InlineData("login")]
    [InlineData("refresh")]
    [InlineData("register")]
    [InlineData("password/forgot")]
    [InlineData("password/reset")]
    [InlineData("verify-email")]
    [InlineData("LOGIN/")]
    public async Task Login_like_endpoints_answer_429_with_retry_after_once_a_client_used_up_its_attempts(string path)
    {
        for (var i = 0; i < LoginLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(_gateway.Client, $"/api/identity/{path}")).StatusCode);
        }

        var refused = await PostAsync(_gateway.Client, $"/api/identity/{path}");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(LoginLimit, _sidecar.Received.Count);
    }

    [Fact]
    public async Task Login_attempts_are_counted_per_client_address()
    {
        for (var i = 0; i <= LoginLimit; i++)
        {
            await PostAsync(_gateway.Client, "/api/identity/login");
        }

        using var anotherClient = _gateway.ClientFrom(AnotherClient);
        var response = await PostAsync(anotherClient, "/api/identity/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_attempts_and_other_writes_are_counted_apart()
    {
        for (var i = 0; i <= LoginLimit; i++)
        {
            await PostAsync(_gateway.Client, "/api/identity/login");
        }

        var response = await PostAsync(_gateway.Client, "/api/cart/items");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Anonymous_writes_answer_429_once_the_client_address_used_up_its_allowance(string method)
    {
        for (var i = 0; i < WriteLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(_gateway.Client, method, "/api/cart/items/SKU-1")).StatusCode);
        }

        var refused = await SendAsync(_gateway.Client, method, "/api/cart/items/SKU-1");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        using var anotherClient = _gateway.ClientFrom(AnotherClient);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(anotherClient, method, "/api/cart/items/SKU-1")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_writes_are_counted_per_user_not_per_address()
    {
        var user = Guid.CreateVersion7();
        for (var i = 0; i < WriteLimit; i++)
        {
            await SendAsync(_gateway.Client, "POST", "/api/cart/items", _identity.Customer(user));
        }

        var sameUser = await SendAsync(_gateway.Client, "POST", "/api/cart/items", _identity.Customer(user));
        var anotherUserSameAddress = await SendAsync(_gateway.Client, "POST", "/api/cart/items", _identity.Customer(Guid.CreateVersion7()));
        var anonymousSameAddress = await SendAsync(_gateway.Client, "POST", "/api/cart/items");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anotherUserSameAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousSameAddress.StatusCode);
    }

    [Fact]
    public async Task Reads_are_not_limited()
    {
        for (var i = 0; i < WriteLimit * 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _gateway.Client.GetAsync("/api/catalog/products")).StatusCode);
        }
    }

    [Theory]
    [InlineData("Gateway:RateLimits:Login:PermitLimit", "0")]
    [InlineData("Gateway:RateLimits:Writes:Window", "00:00:00")]
    public async Task A_limit_that_cannot_work_stops_the_gateway_at_start_up(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            GatewayHost.StartAsync(_sidecar.Endpoint, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains("Gateway:RateLimits", failure.Message);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path) => SendAsync(client, "POST", path);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }
}
