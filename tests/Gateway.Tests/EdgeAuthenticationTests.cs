using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DaprShop.Contracts.Identity;
using DaprShop.Gateway.Authentication;
using DaprShop.Testing;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Gateway.Tests;

/// <summary>
/// The gateway checks a presented access token against identity's JWKS (served by the fake sidecar) before forwarding;
/// forgeries stop at the edge with 401, and are never seen by an app.
/// </summary>
public sealed class EdgeAuthenticationTests : IAsyncLifetime
{
    private static readonly TestAccessTokens Identity = new();
    private static readonly TestAccessTokens RotatedInKey = new();

    private readonly ManualClock _clock = new();
    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _sidecar.Jwks = Identity.JwksJson();
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, clock: _clock);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    public static TheoryData<string, string> Forgeries()
    {
        var user = Guid.CreateVersion7();
        var forgeries = new TheoryData<string, string>();
        foreach (var (name, token) in Identity.Forgeries(user))
        {
            forgeries.Add(name, $"Bearer {token}");
        }

        var impostorUnderIdentitysKeyId = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Identity.SigningKey.KeyId };
        forgeries.Add("signed with another key under identity's key id", $"Bearer {Identity.Issue(user, [Roles.Customer], signingKey: impostorUnderIdentitysKeyId)}");
        forgeries.Add("empty bearer", "Bearer ");
        forgeries.Add("another scheme", "Basic c2hvcHBlcjpzZWNyZXQ=");
        return forgeries;
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_invalid_token_is_a_401_problem_with_an_invalid_token_challenge_and_is_not_forwarded(string forgery, string authorization)
    {
        var response = await SendAsync(authorization);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(RejectInvalidBearerToken.Challenge, response.Headers.WwwAuthenticate.ToString());
        Assert.True(_sidecar.Received.IsEmpty, $"the {forgery} token was forwarded");
    }

    public static TheoryData<string> Unverifiable()
    {
        var forgeries = Identity.Forgeries(Guid.CreateVersion7());
        return [$"Bearer {forgeries["alg none"]}", $"Bearer {forgeries["HS256 with the public key as secret"]}", $"Bearer {forgeries["not a JWT"]}", "Bearer eyJhbGciOi"];
    }

    [Theory]
    [MemberData(nameof(Unverifiable))]
    public async Task A_token_no_key_could_verify_is_refused_without_asking_identity_even_while_identity_is_down(string authorization)
    {
        _sidecar.Jwks = null;

        var response = await SendAsync(authorization);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task A_valid_token_is_forwarded_unchanged_for_the_app_to_check_again()
    {
        var token = Identity.Customer(Guid.CreateVersion7());

        var response = await SendAsync($"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", Assert.Single(_sidecar.Received).Headers["Authorization"]);
    }

    [Fact]
    public async Task A_request_without_credentials_is_forwarded_anonymously_without_asking_identity_for_keys()
    {
        var response = await _gateway.Client.GetAsync("/api/catalog/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(_sidecar.Received).Headers.ContainsKey("Authorization"));
        Assert.Equal(0, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_cached()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync($"Bearer {Identity.Customer(Guid.CreateVersion7())}")).StatusCode);
        }

        Assert.Equal(1, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task An_unknown_key_id_makes_the_gateway_look_again_once_and_a_flood_of_them_no_more_often()
    {
        await SendAsync($"Bearer {Identity.Customer(Guid.CreateVersion7())}");
        _clock.Advance(TimeSpan.FromSeconds(6));

        for (var i = 0; i < 5; i++)
        {
            var response = await SendAsync($"Bearer {RotatedInKey.Customer(Guid.CreateVersion7())}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, _sidecar.JwksFetches);
        Assert.Single(_sidecar.Received);
    }

    [Fact]
    public async Task A_key_identity_rotated_in_is_accepted_once_the_gateway_has_looked_again()
    {
        await SendAsync($"Bearer {Identity.Customer(Guid.CreateVersion7())}");
        _sidecar.Jwks = JwksOf(Identity, RotatedInKey);
        _clock.Advance(TimeSpan.FromSeconds(6));

        // The first token under the new key id only asks for a refresh (JwtBearer's way); the next one uses it.
        await SendAsync($"Bearer {RotatedInKey.Customer(Guid.CreateVersion7())}");
        var response = await SendAsync($"Bearer {RotatedInKey.Customer(Guid.CreateVersion7())}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task Identity_out_of_reach_for_keys_is_a_503_problem_not_a_verdict_on_the_token()
    {
        _sidecar.Jwks = null;

        var response = await SendAsync($"Bearer {Identity.Customer(Guid.CreateVersion7())}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Empty(_sidecar.Received);
    }

    private Task<HttpResponseMessage> SendAsync(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return _gateway.Client.SendAsync(request);
    }

    private static string JwksOf(params TestAccessTokens[] keyHolders) =>
        new JsonObject { ["keys"] = new JsonArray([.. keyHolders.SelectMany(holder => JsonNode.Parse(holder.JwksJson())!["keys"]!.AsArray()).Select(key => key!.DeepClone())]) }.ToJsonString();
}
