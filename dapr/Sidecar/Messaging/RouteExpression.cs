using System.Globalization;
using System.Text.Json;

namespace DaprShop.Sidecar.Messaging;

/// <summary>
/// The subset of CEL that Dapr routing rules use in practice: <c>event.type == "refund"</c>, field paths into the
/// CloudEvent, string/number/bool literals, <c>== != &lt; &lt;= &gt; &gt;=</c>, <c>&amp;&amp; || !</c>, parentheses
/// and <c>.startsWith("x")</c>/<c>.endsWith</c>/<c>.contains</c>. Anything else is rejected when the subscription
/// is loaded, so an unsupported rule fails loudly instead of silently never matching.
/// </summary>
public sealed class RouteExpression
{
    private readonly Func<JsonElement, object?> _evaluate;

    private RouteExpression(Func<JsonElement, object?> evaluate) => _evaluate = evaluate;

    public static RouteExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseOr();
        parser.ExpectEnd();
        return new RouteExpression(expression);
    }

    public bool Matches(JsonElement cloudEvent) => _evaluate(cloudEvent) is true;

    private sealed class Parser(string text)
    {
        private int _position;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position < text.Length) throw Error("unexpected text");
        }

        public Func<JsonElement, object?> ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||"))
            {
                var (l, r) = (left, ParseAnd());
                left = e => l(e) is true || r(e) is true;
            }
            return left;
        }

        private Func<JsonElement, object?> ParseAnd()
        {
            var left = ParseUnary();
            while (Accept("&&"))
            {
                var (l, r) = (left, ParseUnary());
                left = e => l(e) is true && r(e) is true;
            }
            return left;
        }

        private Func<JsonElement, object?> ParseUnary()
        {
            if (Accept("!") )
            {
                var operand = ParseUnary();
                return e => operand(e) is not true;
            }
            return ParseComparison();
        }

        private Func<JsonElement, object?> ParseComparison()
        {
            var left = ParsePrimary();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (!Accept(op)) continue;
                var right = ParsePrimary();
                return e => Compare(op, left(e), right(e));
            }
            return left;
        }

        private Func<JsonElement, object?> ParsePrimary()
        {
            SkipSpace();
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")")) throw Error("missing )");
                return inner;
            }
            if (Peek() is '"' or '\'')
            {
                var literal = ReadString();
                return _ => literal;
            }
            if (Peek() is { } c && (char.IsAsciiDigit(c) || c == '-'))
            {
                var start = _position++;
                while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.')) _position++;
                var number = double.Parse(text[start.._position], CultureInfo.InvariantCulture);
                return _ => number;
            }
            var identifier = ReadIdentifier();
            if (identifier == "true") return _ => true;
            if (identifier == "false") return _ => false;
            if (identifier != "event") throw Error($"unknown identifier '{identifier}'");
            var path = new List<string>();
            while (Accept("."))
            {
                var member = ReadIdentifier();
                if (member is "startsWith" or "endsWith" or "contains" && Accept("("))
                {
                    var argument = ParseOr();
                    if (!Accept(")")) throw Error("missing )");
                    var target = path.ToArray();
                    return e => Navigate(e, target) is string s && argument(e) is string a && member switch
                    {
                        "startsWith" => s.StartsWith(a, StringComparison.Ordinal),
                        "endsWith" => s.EndsWith(a, StringComparison.Ordinal),
                        _ => s.Contains(a, StringComparison.Ordinal),
                    };
                }
                path.Add(member);
            }
            var fields = path.ToArray();
            return e => Navigate(e, fields);
        }

        private static object? Navigate(JsonElement element, string[] path)
        {
            foreach (var field in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out element)) return null;
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        private static bool Compare(string op, object? left, object? right)
        {
            if (op is "==") return Equals(left, right);
            if (op is "!=") return !Equals(left, right);
            int order;
            if (left is double l && right is double r) order = l.CompareTo(r);
            else if (left is string ls && right is string rs) order = string.CompareOrdinal(ls, rs);
            else return false;
            return op switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 };
        }

        private string ReadString()
        {
            var quote = text[_position++];
            var start = _position;
            while (_position < text.Length && text[_position] != quote) _position++;
            if (_position >= text.Length) throw Error("unterminated string");
            return text[start.._position++];
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_')) _position++;
            if (start == _position) throw Error("expected a name");
            return text[start.._position];
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0) return false;
            // "<" must not swallow the first half of "<=", nor "!" the first half of "!=".
            if (token is "<" or ">" or "!" && _position + 1 < text.Length && text[_position + 1] == '=') return false;
            _position += token.Length;
            return true;
        }

        private char? Peek()
        {
            SkipSpace();
            return _position < text.Length ? text[_position] : null;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }

        private FormatException Error(string reason) =>
            new($"routing rule '{text}': {reason} at position {_position} (supported: event fields, literals, == != < <= > >= && || ! and startsWith/endsWith/contains)");
    }
}
