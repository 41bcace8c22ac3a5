using DaprShop.Contracts.Identity;

namespace DaprShop.Notification.Rendering;

/// <summary>
/// One email to one shopper, in both forms a mail client may show.
/// </summary>
/// <param name="Name">Names the message's file and its Message-ID; built from ids only, so no user text reaches a path.</param>
/// <param name="SentAt">The moment of the event it tells about, so a resend renders the very same file.</param>
internal sealed record EmailMessage(string Name, UserContact To, string Subject, DateTimeOffset SentAt, string Text, SafeHtml Html)
{
    public string FileName => Name + MimeDocument.FileExtension;
}
