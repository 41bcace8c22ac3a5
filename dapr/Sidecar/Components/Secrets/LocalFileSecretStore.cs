using System.Globalization;
using System.Text.Json;

namespace DaprShop.Sidecar.Components.Secrets;

/// <summary>
/// <c>secretstores.local.file</c>: secrets from a JSON file read once at start, flattened as components-contrib
/// secretstores/local/file/filestore.go flattens them.
/// </summary>
public sealed class LocalFileSecretStore : ISecretStore
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _secrets;

    private LocalFileSecretStore(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets) => _secrets = secrets;

    public static LocalFileSecretStore Create(ComponentContext context)
    {
        var secretsFile = context.Get("secretsFile") is { Length: > 0 } file
            ? context.ResolvePath(file)
            : throw new ComponentInitException($"component {context.Name}: missing local secrets file in metadata");
        var separator = context.Get("nestedSeparator") is { Length: > 0 } configured ? configured : ":";

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(secretsFile));
            root = document.RootElement.Clone();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ComponentInitException($"component {context.Name}: cannot read secrets file {secretsFile}: {exception.Message}", exception);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new ComponentInitException($"component {context.Name}: secrets file {secretsFile} must hold a JSON object");

        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (context.GetTruthy("multiValued"))
        {
            // Each top-level string is a one-key secret; each top-level object is a secret whose keys are its
            // flattened contents. Other top-level values are ignored, as filestore.go's type switch ignores them.
            foreach (var (name, value) in Members(root))
            {
                if (value.ValueKind == JsonValueKind.String)
                    secrets[name] = new Dictionary<string, string> { [name] = value.GetString()! };
                else if (value.ValueKind == JsonValueKind.Object)
                    secrets[name] = Flatten(value, separator);
            }
        }
        else
        {
            foreach (var (name, value) in Flatten(root, separator))
                secrets[name] = new Dictionary<string, string> { [name] = value };
        }
        return new LocalFileSecretStore(secrets);
    }

    public Task<IReadOnlyDictionary<string, string>> GetSecretAsync(
        string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        _secrets.TryGetValue(name, out var secret)
            ? Task.FromResult(secret)
            : Task.FromException<IReadOnlyDictionary<string, string>>(new SecretNotFoundException(name));

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        Task.FromResult(_secrets);

    /// <summary>
    /// filestore.go visitJSONObject: nested keys joined with the separator, array elements by index ("list:0").
    /// A flattened key seen twice stops the whole flattening there (Dapr ignores that error), so later entries are
    /// missing; Dapr meets the entries in Go's random map order, this store in file order.
    /// </summary>
    private static Dictionary<string, string> Flatten(JsonElement element, string separator)
    {
        var flattened = new Dictionary<string, string>(StringComparer.Ordinal);
        Visit(element, []);
        return flattened;

        bool Visit(JsonElement value, List<string> path) => value.ValueKind switch
        {
            JsonValueKind.Object => VisitChildren(Members(value), path),
            JsonValueKind.Array => VisitChildren(
                value.EnumerateArray().Select((item, index) => (index.ToString(CultureInfo.InvariantCulture), item)), path),
            _ => flattened.TryAdd(string.Join(separator, path), FormatLikeGo(value)),
        };

        bool VisitChildren(IEnumerable<(string Name, JsonElement Value)> children, List<string> path) =>
            children.All(child => Visit(child.Value, [.. path, child.Name]));
    }

    /// <summary>Object members; a repeated name keeps its last value, as Go's json.Unmarshal into a map does.</summary>
    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) members[property.Name] = property.Value;
        return members.Select(member => (member.Key, member.Value));
    }

    /// <summary>
    /// filestore.go stores every leaf as <c>fmt.Sprintf("%s", v)</c>, so only strings come out as written:
    /// a number becomes "%!s(float64=42)", a boolean "%!s(bool=true)" and null "%!s(&lt;nil&gt;)". Reproduced so that
    /// a secrets file behaves here as it will under daprd.
    /// </summary>
    private static string FormatLikeGo(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "%!s(bool=true)",
        JsonValueKind.False => "%!s(bool=false)",
        JsonValueKind.Number => $"%!s(float64={GoFloat(value.GetDouble())})",
        _ => "%!s(<nil>)",
    };

    /// <summary>Go's <c>%v</c> of a float64: shortest digits, exponent form when the exponent is below -4 or at least 6.</summary>
    private static string GoFloat(double number)
    {
        var roundTrip = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E');
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent10 = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var allDigits = integerPart + (point < 0 ? "" : mantissa[(point + 1)..]);
        var digits = allDigits.TrimStart('0');
        // The value is 0.<digits> × 10^decimalPoint.
        var decimalPoint = integerPart.Length + exponent10 - (allDigits.Length - digits.Length);
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return "0";

        var sign = number < 0 ? "-" : "";
        var exponent = decimalPoint - 1;
        if (exponent < -4 || exponent >= 6)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{fraction}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        if (decimalPoint <= 0) return $"{sign}0.{new string('0', -decimalPoint)}{digits}";
        if (decimalPoint >= digits.Length) return sign + digits + new string('0', decimalPoint - digits.Length);
        return $"{sign}{digits[..decimalPoint]}.{digits[decimalPoint..]}";
    }
}
