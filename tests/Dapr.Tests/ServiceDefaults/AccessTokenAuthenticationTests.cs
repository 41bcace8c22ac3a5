using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Dapr.Tests.ServiceDefaults;

/// <summary>
/// Every service checks access tokens itself (it never trusts the gateway's word): these run a service built with
/// <c>AddServiceDefaults</c> that trusts a test key, as it trusts identity's JWKS in the shop.
/// </summary>
public sealed class AccessTokenAuthenticationTests
{
    private readonly TestAccessTokens _tokens = new();

    private Task<LoopbackApp> StartAsync() => TestApp.StartAsync(
        app =>
        {
            app.MapGet("/public", () => "anyone");
            app.MapGet("/mine", (ClaimsPrincipal user) => user.GetUserId().ToString()).RequireAuthorization(AuthPolicies.SignedIn);
            app.MapGet("/admin", () => "admins only").RequireAuthorization(AuthPolicies.Admin);
        },
        configureBuilder: builder => builder.Services.AddSingleton<ISigningKeySource>(_tokens));

    [Fact]
    public async Task A_valid_token_identifies_the_user_and_grants_what_its_roles_allow()
    {
        await using var app = await StartAsync();
        var userId = Guid.CreateVersion7();

        var mine = await SendAsync(app, "/mine", _tokens.Customer(userId));
        var adminAsCustomer = await SendAsync(app, "/admin", _tokens.Customer(userId));
        var adminAsAdmin = await SendAsync(app, "/admin", _tokens.Admin(userId));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(userId.ToString(), await mine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, adminAsCustomer.StatusCode);
        Assert.Equal("application/problem+json", adminAsCustomer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, adminAsAdmin.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_protected_endpoints_answer_401_problem_and_public_ones_still_answer()
    {
        await using var app = await StartAsync();

        var mine = await app.Client.GetAsync("/mine");
        var open = await app.Client.GetAsync("/public");

        Assert.Equal(HttpStatusCode.Unauthorized, mine.StatusCode);
        Assert.Equal("application/problem+json", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", mine.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Every_forgery_is_refused_with_401()
    {
        await using var app = await StartAsync();

        foreach (var (forgery, token) in _tokens.Forgeries(Guid.CreateVersion7()))
        {
            var mine = await SendAsync(app, "/mine", token);
            var admin = await SendAsync(app, "/admin", token);

            Assert.True(mine.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: /mine answered {(int)mine.StatusCode}");
            Assert.True(admin.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: /admin answered {(int)admin.StatusCode}");
        }
    }

    [Fact]
    public async Task The_jwks_source_asks_identity_through_the_sidecar_and_refetches_for_an_unknown_key_at_most_every_few_seconds()
    {
        var fetches = 0;
        await using var sidecar = await LoopbackApp.StartAsync(
            _ => { },
            app => app.MapGet("/v1.0/invoke/identity/method/.well-known/jwks.json", () =>
            {
                Interlocked.Increment(ref fetches);
                return Results.Content(_tokens.JwksJson(), "application/json");
            }));
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/mine", (ClaimsPrincipal user) => user.GetUserId().ToString()).RequireAuthorization(AuthPolicies.SignedIn),
            new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = sidecar.BaseAddress.ToString().TrimEnd('/') });

        var valid = await SendAsync(app, "/mine", _tokens.Customer(Guid.CreateVersion7()));
        var again = await SendAsync(app, "/mine", _tokens.Customer(Guid.CreateVersion7()));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, fetches);

        // Unknown key ids ask for a refetch, but within the minimum interval the cached keys are kept.
        var otherKey = new TestAccessTokens();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(app, "/mine", otherKey.Customer(Guid.CreateVersion7()))).StatusCode);
        }
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_rotated_key_is_accepted_on_its_first_request()
    {
        var rotatedIn = new TestAccessTokens();
        var current = _tokens;
        var clock = new ManualClock();
        await using var sidecar = await LoopbackApp.StartAsync(
            _ => { },
            app => app.MapGet("/v1.0/invoke/identity/method/.well-known/jwks.json", () => Results.Content(current.JwksJson(), "application/json")));
        await using var app = await TestApp.StartAsync(
            endpoints => endpoints.MapGet("/mine", (ClaimsPrincipal user) => user.GetUserId().ToString()).RequireAuthorization(AuthPolicies.SignedIn),
            new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = sidecar.BaseAddress.ToString().TrimEnd('/') },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, "/mine", _tokens.Customer(Guid.CreateVersion7()))).StatusCode);

        // Identity rotates: its JWKS now serves the new key, which the service has not fetched yet.
        current = rotatedIn;
        clock.Advance(DaprJwksSigningKeySource.MinimumRefreshInterval);
        var userId = Guid.CreateVersion7();
        var response = await SendAsync(app, "/mine", rotatedIn.Customer(userId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(userId.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SendAsync(LoopbackApp app, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return app.Client.SendAsync(request);
    }
}
