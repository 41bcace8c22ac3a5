using System.Security.Cryptography;
using System.Text;

namespace DaprShop.Notification.Rendering;

/// <summary>
/// An <see cref="EmailMessage"/> as an RFC 5322 message with a <c>multipart/alternative</c> body (text, then HTML), the
/// <c>.eml</c> format every mail client opens. One message is one binding call and one file, so a crash can never leave
/// half an email behind, and a real mail transport could take the same document unchanged.
/// </summary>
internal static class MimeDocument
{
    public const string FileExtension = ".eml";
    public const string From = "DaprShop <no-reply@daprshop.local>";
    private const string NewLine = "\r\n";

    public static string Render(EmailMessage message)
    {
        var text = message.Text.ReplaceLineEndings(NewLine);
        var html = message.Html.Markup.ReplaceLineEndings(NewLine);
        // Derived from the content, so the boundary cannot occur in it and a resend writes identical bytes.
        var boundary = "=_daprshop_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text + html)))[..32];
        var document = new StringBuilder()
            .Append("Message-ID: <").Append(message.Name).Append("@daprshop.local>").Append(NewLine)
            .Append("Date: ").Append(message.SentAt.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append(NewLine)
            .Append("From: ").Append(From).Append(NewLine)
            .Append("To: ").Append(EncodedWordUnless(message.To.Name, IsPlainPhrase)).Append(" <").Append(HeaderSafe(message.To.Email)).Append('>').Append(NewLine)
            .Append("Subject: ").Append(EncodedWordUnless(message.Subject, IsPlainText)).Append(NewLine)
            .Append("MIME-Version: 1.0").Append(NewLine)
            .Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append('"').Append(NewLine)
            .Append(NewLine);
        AppendPart(document, boundary, "text/plain", text);
        AppendPart(document, boundary, "text/html", html);
        return document.Append("--").Append(boundary).Append("--").Append(NewLine).ToString();
    }

    private static void AppendPart(StringBuilder document, string boundary, string mediaType, string body) =>
        document.Append("--").Append(boundary).Append(NewLine)
            .Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8").Append(NewLine)
            .Append("Content-Transfer-Encoding: 8bit").Append(NewLine)
            .Append(NewLine)
            .Append(body).Append(NewLine);

    /// <summary>
    /// An RFC 2047 encoded word (UTF-8, base64) unless the value can stand in the header as it is: names may hold any
    /// character, and base64 leaves no line break or quote by which a value could forge a header.
    /// </summary>
    private static string EncodedWordUnless(string value, Func<char, bool> isPlain) =>
        value.All(isPlain) ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";

    /// <summary>Characters a display name may use unquoted (RFC 5322 atoms and spaces, without the rarer symbols).</summary>
    private static bool IsPlainPhrase(char character) => char.IsAsciiLetterOrDigit(character) || character is ' ' or '-' or '\'' or '!';

    /// <summary>Printable ASCII, less '=' and '?' that could open an encoded word.</summary>
    private static bool IsPlainText(char character) => character is >= ' ' and <= '~' and not '=' and not '?';

    /// <summary>Identity validated the address; this only keeps a broken one from breaking the header block.</summary>
    private static string HeaderSafe(string address) =>
        address.Any(character => char.IsControl(character) || character is '<' or '>')
            ? throw new ArgumentException("An email address with control characters or angle brackets cannot be a recipient.", nameof(address))
            : address;
}
