using System.Text;
using System.Text.RegularExpressions;

namespace DaprShop.Notification.Tests.Infrastructure;

/// <summary>Reads back a notification email (.eml, multipart/alternative) as far as the tests need it.</summary>
public sealed partial record EmailFile(IReadOnlyDictionary<string, string> Headers, string Text, string Html)
{
    public string To => DecodeWords(Headers["To"]);

    public string Subject => DecodeWords(Headers["Subject"]);

    public static EmailFile Parse(string document)
    {
        Assert.DoesNotMatch("(?<!\r)\n", document);
        var (headers, body) = SplitHead(document);
        var boundary = Boundary().Match(headers["Content-Type"]).Groups["boundary"].Value;
        Assert.NotEmpty(boundary);
        var parts = body.Split("--" + boundary);
        Assert.Equal(4, parts.Length);
        Assert.Equal("--\r\n", parts[3]);
        var text = SplitHead(parts[1].TrimStart('\r', '\n'));
        var html = SplitHead(parts[2].TrimStart('\r', '\n'));
        Assert.Equal("text/plain; charset=utf-8", text.Headers["Content-Type"]);
        Assert.Equal("text/html; charset=utf-8", html.Headers["Content-Type"]);
        return new EmailFile(headers, text.Body.TrimEnd('\r', '\n'), html.Body.TrimEnd('\r', '\n'));
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHead(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no header block");
        var headers = entity[..end].Split("\r\n").Select(line => line.Split(": ", 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        return (headers, entity[(end + 4)..]);
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, match => Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups["base64"].Value)));

    [GeneratedRegex("boundary=\"(?<boundary>[^\"]+)\"")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?utf-8\?B\?(?<base64>[A-Za-z0-9+/=]+)\?=")]
    private static partial Regex EncodedWord();
}
