using System.Net;
using System.Net.Http.Json;
using DaprShop.Contracts;
using DaprShop.Identity.Api;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Sessions;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class AccountLifecycleTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task A_shopper_registers_verifies_by_the_emailed_link_signs_in_refreshes_and_signs_out()
    {
        var email = IdentityClient.UniqueEmail();
        var account = await _client.RegisterAsync(email, name: "  Ann Shopper ");
        Assert.Equal("Ann Shopper", account.Name);
        Assert.Equal(["customer"], account.Roles);
        Assert.False(account.EmailVerified);

        var verificationEmail = _client.EmailFor("verify-email", account.Id);
        Assert.Contains($"To: {email}", verificationEmail);
        Assert.Contains("http://localhost:8080/verify-email?token=", verificationEmail);
        var notYet = await _client.LoginAsync(email);
        var problem = await IdentityClient.AssertProblemAsync(notYet, HttpStatusCode.Forbidden);
        Assert.Contains("not verified", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("verify-email", new { token = _client.VerificationTokenFor(account.Id) })).StatusCode);
        var tokens = await _client.SignInAsync(email);
        Assert.Equal(15 * 60, tokens.ExpiresIn);

        var me = await GetMeAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var profile = (await me.Content.ReadFromJsonAsync<AccountView>())!;
        Assert.Equal((account.Id, email, true), (profile.Id, profile.Email, profile.EmailVerified));

        var refreshed = await RefreshAsync(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = (await refreshed.Content.ReadFromJsonAsync<TokenPair>())!;
        Assert.NotEqual(tokens.RefreshToken, next.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(next.AccessToken)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("logout", new { refreshToken = next.RefreshToken })).StatusCode);
        await IdentityClient.AssertProblemAsync(await RefreshAsync(next.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family_but_not_other_sign_ins()
    {
        var (account, first) = await _client.NewCustomerAsync();
        var otherDevice = await _client.SignInAsync(account.Email);
        var second = (await (await RefreshAsync(first.RefreshToken)).Content.ReadFromJsonAsync<TokenPair>())!;

        var reuse = await RefreshAsync(first.RefreshToken);

        var problem = await IdentityClient.AssertProblemAsync(reuse, HttpStatusCode.Unauthorized);
        Assert.Contains("already used", problem.GetProperty("detail").GetString());
        await IdentityClient.AssertProblemAsync(await RefreshAsync(second.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherDevice.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_beyond_the_limit_ends_the_oldest_one()
    {
        var (account, oldest) = await _client.NewCustomerAsync();
        for (var i = 1; i < UserAccount.MaxSessions; i++) await _client.SignInAsync(account.Email);
        var secondOldest = await _client.SignInAsync(account.Email);

        await _client.SignInAsync(account.Email);

        await IdentityClient.AssertProblemAsync(await RefreshAsync(oldest.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(secondOldest.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("0195f3c1a2b34c5d8e9f0a1b2c3d4e5f.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_refresh_token_is_refused(string refreshToken) =>
        await IdentityClient.AssertProblemAsync(await RefreshAsync(refreshToken), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_verification_link_works_once_and_a_resend_replaces_the_email_with_a_new_link()
    {
        var account = await _client.RegisterAsync(IdentityClient.UniqueEmail());
        var firstToken = _client.VerificationTokenFor(account.Id);

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync("verify-email/resend", new { email = account.Email })).StatusCode);
        var secondToken = _client.VerificationTokenFor(account.Id);
        Assert.NotEqual(firstToken, secondToken);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("verify-email", new { token = secondToken })).StatusCode);
        await IdentityClient.AssertProblemAsync(await _client.PostAsync("verify-email", new { token = secondToken }), HttpStatusCode.BadRequest);
        // The older link is still unused, and verifying a verified account is harmless.
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("verify-email", new { token = firstToken })).StatusCode);
    }

    [Fact]
    public async Task Resending_to_an_unknown_address_answers_202_like_any_other()
    {
        var response = await _client.PostAsync("verify-email/resend", new { email = IdentityClient.UniqueEmail("nobody") });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_second_registration_of_an_address_in_any_case_is_a_conflict()
    {
        var email = IdentityClient.UniqueEmail();
        await _client.RegisterAsync(email);

        var again = await _client.PostAsync("register", new { email = " " + email.ToUpperInvariant(), password = IdentityClient.Password, name = "Ann" });

        await IdentityClient.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_address_with_non_ascii_letters_and_symbols_registers_and_signs_in_in_any_case()
    {
        var email = $"jürgen.o'brien+{Guid.NewGuid():N}@bücher.example";

        await _client.NewCustomerAsync(email);

        await _client.SignInAsync(email.ToUpperInvariant());
    }

    [Fact]
    public async Task Registration_publishes_account_registered_after_the_account_is_stored()
    {
        var account = await _client.RegisterAsync(IdentityClient.UniqueEmail());

        await Eventually.HoldsAsync(() => identity.Events.Any(received =>
            received.Topic == Topics.AccountRegistered && received.Data.GetProperty("userId").GetGuid() == account.Id));
    }

    [Fact]
    public async Task The_profile_refuses_anonymous_callers() =>
        await IdentityClient.AssertProblemAsync(await GetMeAsync(null), HttpStatusCode.Unauthorized);

    private Task<HttpResponseMessage> GetMeAsync(string? accessToken) => _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "me"), accessToken);

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) => _client.PostAsync("refresh", new { refreshToken });
}
