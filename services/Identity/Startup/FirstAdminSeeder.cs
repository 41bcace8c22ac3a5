using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Dapr;
using DaprShop.Identity.Accounts;
using DaprShop.Identity.Persistence;

namespace DaprShop.Identity.Startup;

/// <summary>
/// Creates the first admin (verified, roles admin and customer) from the secrets <c>admin-email</c> and
/// <c>admin-password</c> when no account has that email. Idempotent across restarts, and across replicas starting at
/// once, because creation claims the email with a first-write (see <see cref="UserStore.TryCreateAsync"/>). An
/// existing account with that email is left exactly as it is.
/// </summary>
internal sealed class FirstAdminSeeder(DaprClient dapr, UserStore users, AccountRegistration registration, ILogger<FirstAdminSeeder> logger)
    : BackgroundService
{
    public const string EmailSecret = "admin-email";
    public const string PasswordSecret = "admin-password";
    private const string AdminName = "Administrator";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Creating an account commits its event through the outbox, whose reminder needs the sidecar to know this
        // app's actor types: it learns them from /dapr/config once the app is up.
        await dapr.WaitForAppChannelAsync(stoppingToken);
        while (true)
        {
            try
            {
                await SeedAsync(stoppingToken);
                return;
            }
            catch (DaprException exception)
            {
                logger.LogWarning(exception, "Could not make sure the first admin exists; trying again in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var email = await ReadSecretAsync(EmailSecret, cancellationToken);
        var password = await ReadSecretAsync(PasswordSecret, cancellationToken);
        if (email is null || password is null)
        {
            logger.LogWarning("No first admin: the secret store lacks {EmailSecret} or {PasswordSecret}", EmailSecret, PasswordSecret);
            return;
        }

        if (await users.FindByEmailAsync(email, cancellationToken) is not null) return;

        var admin = await registration.CreateAsync(email, password, AdminName, [Roles.Admin, Roles.Customer], emailVerified: true, cancellationToken);
        if (admin is not null) logger.LogInformation("Created the first admin, user {UserId}", admin.Id);
    }

    /// <returns>Null when the store has no such secret (the local file store answers that with an error).</returns>
    private async Task<string?> ReadSecretAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await dapr.GetSecretAsync(ComponentNames.SecretStore, name, cancellationToken: cancellationToken);
            return secret.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        }
        catch (DaprApiException exception) when (exception.ErrorCode == "ERR_SECRET_GET")
        {
            return null;
        }
    }
}
