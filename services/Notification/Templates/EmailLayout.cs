using DaprShop.Notification.Rendering;

namespace DaprShop.Notification.Templates;

/// <summary>What every shopper email shares: the greeting, the HTML document around the content and the signature.</summary>
internal static class EmailLayout
{
    public static string Text(string recipientName, string content) =>
        $"""
        Hello {recipientName},

        {content}

        -- 
        DaprShop
        """;

    public static SafeHtml Html(string title, string recipientName, SafeHtml content) => SafeHtml.Of($"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{title}</title></head>
        <body style="font-family: sans-serif; color: #222222;">
        <p>Hello {recipientName},</p>
        {content}
        <p style="color: #777777;">DaprShop</p>
        </body>
        </html>
        """);
}
