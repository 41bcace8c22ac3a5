namespace DaprShop.Notification.Rendering;

/// <summary>
/// Markup that is safe to put into an HTML email as it is. The only way to make one is an interpolated string
/// (<see cref="Of"/>), whose holes are HTML-escaped unless they are themselves <see cref="SafeHtml"/>: a template
/// cannot forget to escape a user's name or a product name.
/// </summary>
internal readonly struct SafeHtml
{
    private SafeHtml(string markup) => Markup = markup;

    public string Markup { get; }

    public static SafeHtml Of(ref HtmlInterpolatedStringHandler template) => new(template.ToStringAndClear());

    public static SafeHtml Concat(IEnumerable<SafeHtml> parts) => new(string.Concat(parts.Select(part => part.Markup)));

    public override string ToString() => Markup;
}
