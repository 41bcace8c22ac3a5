using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace DaprShop.Notification.Rendering;

/// <summary>Builds <see cref="SafeHtml"/>: literals pass through, every hole is escaped except nested <see cref="SafeHtml"/>.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolatedStringHandler(int literalLength, int formattedCount)
{
    private DefaultInterpolatedStringHandler _builder = new(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string literal) => _builder.AppendLiteral(literal);

    public void AppendFormatted(SafeHtml markup) => _builder.AppendLiteral(markup.Markup);

    public void AppendFormatted<T>(T value) => AppendEscaped(Convert.ToString(value, CultureInfo.InvariantCulture));

    public void AppendFormatted<T>(T value, string? format) where T : IFormattable =>
        AppendEscaped(value.ToString(format, CultureInfo.InvariantCulture));

    public string ToStringAndClear() => _builder.ToStringAndClear();

    private void AppendEscaped(string? text) => _builder.AppendLiteral(WebUtility.HtmlEncode(text ?? ""));
}
