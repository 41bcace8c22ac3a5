using System.Net;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class LockoutTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one_and_say_until_when()
    {
        var (account, _) = await _client.NewCustomerAsync();

        for (var attempt = 1; attempt < LoginFailures.MaxConsecutiveFailures; attempt++)
        {
            await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email, "wrong-password-123"), HttpStatusCode.Unauthorized);
        }

        var locking = await _client.LoginAsync(account.Email, "wrong-password-123");
        var problem = await IdentityClient.AssertProblemAsync(locking, (HttpStatusCode)423);
        var lockedUntil = problem.GetProperty("lockedUntil").GetDateTimeOffset();
        Assert.True(lockedUntil > DateTimeOffset.UtcNow + LoginFailures.LockoutDuration - TimeSpan.FromMinutes(1));
        Assert.True(int.Parse(locking.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Contains("locked until", problem.GetProperty("detail").GetString());

        await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email), (HttpStatusCode)423);
    }

    [Fact]
    public async Task A_successful_login_starts_the_count_of_failures_again()
    {
        var (account, _) = await _client.NewCustomerAsync();

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt < LoginFailures.MaxConsecutiveFailures; attempt++)
            {
                await IdentityClient.AssertProblemAsync(await _client.LoginAsync(account.Email, "wrong-password-123"), HttpStatusCode.Unauthorized);
            }

            await _client.SignInAsync(account.Email);
        }
    }

    [Fact]
    public async Task A_password_reset_lifts_a_lockout()
    {
        var (account, _) = await _client.NewCustomerAsync();
        for (var attempt = 0; attempt < LoginFailures.MaxConsecutiveFailures; attempt++) await _client.LoginAsync(account.Email, "wrong-password-123");

        await _client.PostAsync("password/forgot", new { email = account.Email });
        const string newPassword = "a-brand-new-passw0rd";
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync("password/reset", new { token = _client.ResetTokenFor(account.Id), newPassword })).StatusCode);

        await _client.SignInAsync(account.Email, newPassword);
    }
}
