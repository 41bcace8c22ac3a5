using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Email;

/// <summary>
/// An account email: the file the <c>email</c> binding writes (named after the purpose and the user id only, so
/// user-entered text never reaches a path, and a resend replaces the earlier message) and its text.
/// </summary>
internal sealed record AccountEmail(string FileName, string Text)
{
    public static AccountEmail Verification(UserAccount user, string link) => new(
        $"verify-email-{user.Id}.txt",
        $"""
        To: {user.Email}
        Subject: Verify your DaprShop email address

        Hello {user.Name},

        please confirm this address by opening the link below within 24 hours:
        {link}

        If you did not create a DaprShop account, ignore this email.
        """);

    public static AccountEmail PasswordReset(UserAccount user, string link) => new(
        $"password-reset-{user.Id}.txt",
        $"""
        To: {user.Email}
        Subject: Reset your DaprShop password

        Hello {user.Name},

        open the link below within an hour to choose a new password:
        {link}

        If you did not ask for this, ignore this email; your password stays as it is.
        """);
}
