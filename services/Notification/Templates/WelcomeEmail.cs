using DaprShop.Contracts.Identity;
using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Templates;

/// <summary>Greets a newly registered account; identity sends the verification link separately.</summary>
internal static class WelcomeEmail
{
    private const string Subject = "Welcome to DaprShop";

    public static EmailMessage For(AccountRegistered account, UserContact to)
    {
        var welcome = $"welcome to DaprShop! Your account for {to.Email} is ready. Confirm your address with the link in our other email, then sign in and start shopping.";
        return new EmailMessage(
            $"welcome-{account.UserId}",
            to,
            Subject,
            account.RegisteredAt,
            EmailLayout.Text(to.Name, welcome),
            EmailLayout.Html(Subject, to.Name, SafeHtml.Of($"<p>{welcome}</p>")));
    }
}
