using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Tests.Infrastructure;
using DaprShop.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class AccessTokenTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task The_jwks_publishes_the_secret_stores_public_key_under_its_rfc_7638_thumbprint()
    {
        var response = await _client.Http.GetAsync(AccessTokenClaims.JwksPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray());
        var expected = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(identity.Tokens.SigningKey.Rsa.ExportParameters(includePrivateParameters: false)));
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal(expected.N, key.GetProperty("n").GetString());
        Assert.Equal(expected.E, key.GetProperty("e").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(expected.ComputeJwkThumbprint()), key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task An_access_token_is_rs256_for_15_minutes_with_exactly_the_agreed_claims_and_verifies_against_the_jwks()
    {
        var (account, tokens) = await _client.NewCustomerAsync();
        var jwks = new JsonWebKeySet(await _client.Http.GetStringAsync(AccessTokenClaims.JwksPath));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = AccessTokenClaims.Issuer,
            ValidAudience = AccessTokenClaims.Audience,
            ValidAlgorithms = [AccessTokenClaims.Algorithm],
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(jwks.Keys.Single().Kid, token.Kid);
        Assert.Equal(
            ["aud", "email", "exp", "iat", "iss", "jti", "name", "role", "sub"],
            token.Claims.Select(claim => claim.Type).Distinct().Order());
        Assert.Equal(account.Id.ToString(), token.Subject);
        Assert.Equal(account.Email, token.GetClaim(AccessTokenClaims.Email).Value);
        Assert.Equal([Roles.Customer], token.Claims.Where(claim => claim.Type == AccessTokenClaims.Role).Select(claim => claim.Value));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    public static TheoryData<string> Forgeries => [.. new TestAccessTokens().Forgeries(Guid.Empty).Keys];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Identity_refuses_forged_and_invalid_tokens_itself(string forgery)
    {
        var token = identity.Tokens.Forgeries(Guid.NewGuid())[forgery];

        await IdentityClient.AssertProblemAsync(await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "users"), token), HttpStatusCode.Unauthorized);
        await IdentityClient.AssertProblemAsync(await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_identitys_key_is_accepted_which_is_what_makes_the_forgeries_fail_for_their_forgery()
    {
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "users"), identity.Tokens.Admin(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
