using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Persistence;
using Microsoft.Extensions.Options;

namespace DaprShop.Identity.Email;

/// <summary>
/// Issues the single-use tokens of account emails and sends the emails through the <c>email</c> output binding
/// (<c>bindings.localstorage</c> with the embedded default: one file per message under <c>.data/email</c>).
/// </summary>
internal sealed class AccountMailer(DaprClient dapr, OneTimeTokenStore tokens, IOptions<AccountLinkOptions> links, ILogger<AccountMailer> logger)
{
    private const string CreateOperation = "create";

    public async Task SendVerificationAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(OneTimeTokenPurpose.EmailVerification, user.Id, cancellationToken);
        await SendAsync(user, AccountEmail.Verification(user, LinkTo("verify-email", token)), cancellationToken);
    }

    public async Task SendPasswordResetAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(OneTimeTokenPurpose.PasswordReset, user.Id, cancellationToken);
        await SendAsync(user, AccountEmail.PasswordReset(user, LinkTo("reset-password", token)), cancellationToken);
    }

    private string LinkTo(string page, string token) => $"{links.Value.BaseUrl.TrimEnd('/')}/{page}?token={token}";

    /// <summary>
    /// A failed send is logged, not thrown: the account change that asked for the email is already saved, and the
    /// user can ask for the email again (resend, forgot password).
    /// </summary>
    private async Task SendAsync(UserAccount user, AccountEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.InvokeBindingAsync(
                ComponentNames.EmailBinding, CreateOperation, email.Text, new Dictionary<string, string> { ["fileName"] = email.FileName }, cancellationToken);
            logger.LogInformation("Sent {EmailFile} to user {UserId}", email.FileName, user.Id);
        }
        catch (DaprException exception)
        {
            logger.LogWarning(exception, "Could not send {EmailFile} to user {UserId}", email.FileName, user.Id);
        }
    }
}
