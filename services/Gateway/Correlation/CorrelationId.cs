using Microsoft.Extensions.Primitives;

namespace DaprShop.Gateway.Correlation;

/// <summary>
/// The <c>X-Correlation-Id</c> that ties a caller's request to everything it causes downstream. A caller's own id is
/// kept when it is one short token, so clients can correlate with their logs; anything else is replaced, because the
/// value is forwarded to every app and written to logs.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    public const int MaxLength = 128;

    public static string FromRequestHeader(StringValues header) =>
        header is [{ } presented] && IsWellFormed(presented) ? presented : NewId();

    public static bool IsWellFormed(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or ':');

    private static string NewId() => Guid.CreateVersion7().ToString();
}
