using DaprShop.Sidecar.Time;

namespace DaprShop.Benchmarks;

/// <summary>The <c>--name value</c> flags of one mode; unknown flags are errors so a typo cannot silently change a run.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> arguments, IReadOnlyCollection<string> knownFlags)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            var flag = arguments[index];
            if (!knownFlags.Contains(flag)) throw new UsageException($"unknown option {flag}");
            if (index + 1 >= arguments.Count) throw new UsageException($"{flag} needs a value");
            _values[flag] = arguments[++index];
        }
    }

    public string? String(string flag) => _values.GetValueOrDefault(flag);

    public string RequiredString(string flag) => String(flag) ?? throw new UsageException($"{flag} is required");

    public int Int(string flag, int fallback, int minimum)
    {
        if (String(flag) is not { } text) return fallback;
        if (!int.TryParse(text, out var value) || value < minimum) throw new UsageException($"{flag} must be a whole number ≥ {minimum}, not '{text}'");
        return value;
    }

    public int RequiredInt(string flag, int minimum) => String(flag) is null ? throw new UsageException($"{flag} is required") : Int(flag, 0, minimum);

    public int? OptionalInt(string flag) => String(flag) is null ? null : Int(flag, 0, 1);

    /// <summary>Durations in Go's format ("20s", "500ms", "1m"), like every other duration in Dapr.</summary>
    public TimeSpan Duration(string flag, TimeSpan fallback)
    {
        if (String(flag) is not { } text) return fallback;
        if (!GoDuration.TryParse(text, out var value) || value <= TimeSpan.Zero) throw new UsageException($"{flag} must be a positive duration such as 20s, not '{text}'");
        return value;
    }
}

public sealed class UsageException(string message) : Exception(message);
