using System.Net;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class PasswordTests(IdentityAppFixture identity)
{
    private const string NewPassword = "another-good-passw0rd";

    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task A_forgotten_password_is_reset_once_by_the_emailed_link_which_ends_every_sign_in()
    {
        var (account, tokens) = await _client.NewCustomerAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync("password/forgot", new { email = account.Email })).StatusCode);
        var email = _client.EmailFor("password-reset", account.Id);
        Assert.Contains("http://localhost:8080/reset-password?token=", email);
        var token = _client.ResetTokenFor(account.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("password/reset", new { token, newPassword = NewPassword })).StatusCode);
        await IdentityClient.AssertProblemAsync(await _client.PostAsync("password/reset", new { token, newPassword = "yet-another-passw0rd" }), HttpStatusCode.BadRequest);

        await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email), HttpStatusCode.Unauthorized);
        await _client.SignInAsync(account.Email, NewPassword);
        await IdentityClient.AssertProblemAsync(await _client.PostAsync("refresh", new { refreshToken = tokens.RefreshToken }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forgetting_the_password_of_an_unknown_address_answers_202_and_sends_nothing()
    {
        var before = Directory.GetFiles(identity.EmailDirectory, "password-reset-*").Length;

        var response = await _client.PostAsync("password/forgot", new { email = IdentityClient.UniqueEmail("nobody") });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, Directory.GetFiles(identity.EmailDirectory, "password-reset-*").Length);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_every_sign_in()
    {
        var (account, tokens) = await _client.NewCustomerAsync();

        var wrong = await _client.PostAsync("me/password", new { currentPassword = "not-my-passw0rd", newPassword = NewPassword }, tokens.AccessToken);
        var problem = await IdentityClient.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));

        var changed = await _client.PostAsync("me/password", new { currentPassword = IdentityClient.Password, newPassword = NewPassword }, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await IdentityClient.AssertProblemAsync(await _client.PostAsync("refresh", new { refreshToken = tokens.RefreshToken }), HttpStatusCode.Unauthorized);
        await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email), HttpStatusCode.Unauthorized);
        await _client.SignInAsync(account.Email, NewPassword);
    }
}
