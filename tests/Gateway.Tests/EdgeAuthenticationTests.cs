using System.Net;
using System.Net.Http.Headers;
using DaprShop.Contracts.Identity;
using DaprShop.Gateway.Authentication;

namespace DaprShop.Gateway.Tests;

/// <summary>
/// The gateway checks a presented access token against identity's JWKS (served by the fake sidecar) before forwarding;
/// forgeries stop at the edge with 401, and are never seen by an app.
/// </summary>
public sealed class EdgeAuthenticationTests : IAsyncLifetime
{
    private static readonly TestSigningKey IdentityKey = new("identity-key-1");
    private static readonly TestSigningKey ForgersKey = new("identity-key-1");
    private static readonly TestSigningKey UnpublishedKey = new("identity-key-2");

    private readonly ManualClock _clock = new();
    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _sidecar.Jwks = TestSigningKey.JwksOf(IdentityKey);
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint, clock: _clock);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "alg none", $"Bearer {TestSigningKey.IssueUnsigned()}" },
        { "HS256 keyed with identity's public key", $"Bearer {IdentityKey.IssueHmac(IdentityKey.PublicKeyBytes)}" },
        { "payload tampered after signing", $"Bearer {IdentityKey.IssueTampered()}" },
        { "signed by another key under identity's key id", $"Bearer {ForgersKey.Issue()}" },
        { "expired", $"Bearer {IdentityKey.Issue(expires: DateTime.UtcNow.AddMinutes(-5))}" },
        { "wrong issuer", $"Bearer {IdentityKey.Issue(issuer: "someone-else")}" },
        { "wrong audience", $"Bearer {IdentityKey.Issue(audience: "another-shop")}" },
        { "key id identity never published", $"Bearer {UnpublishedKey.Issue()}" },
        { "not a JWT", "Bearer not.a.jwt" },
        { "empty bearer", "Bearer " },
        { "another scheme", "Basic c2hvcHBlcjpzZWNyZXQ=" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task An_invalid_token_is_a_401_problem_with_an_invalid_token_challenge_and_is_not_forwarded(string forgery, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await _gateway.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(RejectInvalidBearerToken.Challenge, response.Headers.WwwAuthenticate.ToString());
        Assert.True(_sidecar.Received.IsEmpty, $"the {forgery} token was forwarded");
    }

    public static TheoryData<string> Unverifiable => new()
    {
        $"Bearer {TestSigningKey.IssueUnsigned()}",
        $"Bearer {IdentityKey.IssueHmac(IdentityKey.PublicKeyBytes)}",
        "Bearer not.a.jwt",
        "Bearer eyJhbGciOi",
    };

    [Theory]
    [MemberData(nameof(Unverifiable))]
    public async Task A_token_no_key_could_verify_is_refused_without_asking_identity_even_while_identity_is_down(string authorization)
    {
        _sidecar.Jwks = null;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await _gateway.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task A_valid_token_is_forwarded_unchanged_for_the_app_to_check_again()
    {
        var token = IdentityKey.Issue();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await _gateway.Client.SendAsync(request);

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
            var response = await SendWithTokenAsync(IdentityKey.Issue());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task An_unknown_key_id_makes_the_gateway_look_again_once_and_a_flood_of_them_no_more_often()
    {
        await SendWithTokenAsync(IdentityKey.Issue());
        _clock.Advance(TimeSpan.FromSeconds(6));

        for (var i = 0; i < 5; i++)
        {
            var response = await SendWithTokenAsync(UnpublishedKey.Issue());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(2, _sidecar.JwksFetches);
        Assert.Single(_sidecar.Received);
    }

    [Fact]
    public async Task A_key_identity_rotated_in_is_accepted_once_the_gateway_has_looked_again()
    {
        await SendWithTokenAsync(IdentityKey.Issue());
        _sidecar.Jwks = TestSigningKey.JwksOf(IdentityKey, UnpublishedKey);
        _clock.Advance(TimeSpan.FromSeconds(6));

        // The first token under the new key id only asks for a refresh (JwtBearer's way); the next one uses it.
        await SendWithTokenAsync(UnpublishedKey.Issue());
        var response = await SendWithTokenAsync(UnpublishedKey.Issue());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sidecar.JwksFetches);
    }

    [Fact]
    public async Task Identity_out_of_reach_for_keys_is_a_503_problem_not_a_verdict_on_the_token()
    {
        _sidecar.Jwks = null;

        var response = await SendWithTokenAsync(IdentityKey.Issue());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Empty(_sidecar.Received);
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _gateway.Client.SendAsync(request);
    }
}
