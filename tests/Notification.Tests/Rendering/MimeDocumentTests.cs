using DaprShop.Contracts.Identity;
using DaprShop.Notification.Rendering;
using DaprShop.Notification.Tests.Infrastructure;

namespace DaprShop.Notification.Tests.Rendering;

public sealed class MimeDocumentTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 21, 12, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Renders_headers_then_the_text_and_the_html_part()
    {
        var document = MimeDocument.Render(Message("Ann Shopper", "Your order", "Hello\nthere", SafeHtml.Of($"<p>Hello</p>\n<p>there</p>")));

        var email = EmailFile.Parse(document);
        Assert.Equal("<test-1@daprshop.local>", email.Headers["Message-ID"]);
        Assert.Equal("Sat, 21 Nov 2026 11:30:00 GMT", email.Headers["Date"]);
        Assert.Equal(MimeDocument.From, email.Headers["From"]);
        Assert.Equal("Ann Shopper <ann@shop.test>", email.Headers["To"]);
        Assert.Equal("Your order", email.Headers["Subject"]);
        Assert.Equal("1.0", email.Headers["MIME-Version"]);
        Assert.Equal("Hello\r\nthere", email.Text);
        Assert.Equal("<p>Hello</p>\r\n<p>there</p>", email.Html);
    }

    [Fact]
    public void Encodes_names_and_subjects_that_are_not_plain_ascii()
    {
        var email = EmailFile.Parse(MimeDocument.Render(Message("Zoë Ünal, \"Jr.\"", "Grüße?", "x", SafeHtml.Of($"x"))));

        Assert.StartsWith("=?utf-8?B?", email.Headers["To"]);
        Assert.Equal("Zoë Ünal, \"Jr.\" <ann@shop.test>", email.To);
        Assert.Equal("Grüße?", email.Subject);
    }

    [Fact]
    public void A_name_cannot_forge_a_header()
    {
        var document = MimeDocument.Render(Message("Eve\r\nBcc: everyone@shop.test", "Hi", "x", SafeHtml.Of($"x")));

        var email = EmailFile.Parse(document);
        Assert.False(email.Headers.ContainsKey("Bcc"));
        Assert.Equal("Eve\r\nBcc: everyone@shop.test <ann@shop.test>", email.To);
    }

    [Fact]
    public void An_address_with_a_line_break_is_refused() =>
        Assert.Throws<ArgumentException>(() => MimeDocument.Render(Message("Eve", "Hi", "x", SafeHtml.Of($"x")) with
        {
            To = new UserContact(Guid.Empty, "eve@shop.test\r\nBcc: all@shop.test", "Eve"),
        }));

    [Fact]
    public void The_same_message_renders_the_same_bytes_so_a_resend_overwrites_it_unchanged() =>
        Assert.Equal(
            MimeDocument.Render(Message("Ann", "Hi", "text", SafeHtml.Of($"<p>html</p>"))),
            MimeDocument.Render(Message("Ann", "Hi", "text", SafeHtml.Of($"<p>html</p>"))));

    private static EmailMessage Message(string name, string subject, string text, SafeHtml html) =>
        new("test-1", new UserContact(Guid.Empty, "ann@shop.test", name), subject, SentAt, text, html);
}
