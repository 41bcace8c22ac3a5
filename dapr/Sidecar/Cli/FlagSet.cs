using System.Text;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// Flags parsed the way daprd parses them: daprd uses spf13/pflag after doubling single dashes, which gives Go's
/// flag syntax — "--name value", "--name=value", "-name value", "-name=value"; a switch takes no separate value
/// ("--flag", "--flag=false"); "--" ends the flags; a repeated flag is applied again. "-h", "-help" and "--help" ask
/// for usage. Values are converted by the flag's own action; a <see cref="FormatException"/> from it is reported
/// naming the flag, as pflag does.
/// </summary>
internal sealed class FlagSet
{
    private readonly List<Flag> _flags = [];

    /// <summary>A flag that takes a value. <paramref name="alias"/> is a one-letter shorthand such as "f".</summary>
    public FlagSet Value(string name, string valueName, string description, Action<string> apply, string? alias = null)
    {
        _flags.Add(new Flag(name, alias, valueName, description, apply));
        return this;
    }

    public FlagSet Switch(string name, string description, Action<bool> apply) =>
        Value(name, valueName: "", description, value => apply(ParseGoBool(value)));

    /// <summary>Applies every flag in <paramref name="args"/>; returns false when usage was asked for.</summary>
    public bool Parse(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                if (i + 1 < args.Count) throw new CommandLineException($"unexpected argument \"{args[i + 1]}\"");
                return true;
            }
            if (arg.Length < 2 || arg[0] != '-') throw new CommandLineException($"unexpected argument \"{arg}\"");

            var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg[1..];
            var equals = body.IndexOf('=');
            var name = equals >= 0 ? body[..equals] : body;
            var inlineValue = equals >= 0 ? body[(equals + 1)..] : null;
            if (name is "h" or "help") return false;

            var flag = _flags.FirstOrDefault(f => f.Name == name || f.Alias == name)
                ?? throw new CommandLineException($"unknown flag: {arg}");
            string value;
            if (inlineValue is not null) value = inlineValue;
            else if (flag.IsSwitch) value = "true";
            else if (i + 1 < args.Count) value = args[++i];
            else throw new CommandLineException($"flag needs an argument: --{flag.Name}");

            try
            {
                flag.Apply(value);
            }
            catch (FormatException e)
            {
                throw new CommandLineException($"invalid argument \"{value}\" for \"--{flag.Name}\" flag: {e.Message}");
            }
        }
        return true;
    }

    /// <summary>One line per flag, aligned, for usage text.</summary>
    public string Describe(string indent = "  ")
    {
        var heads = _flags.Select(f =>
            (f.Alias is null ? "    " : $"-{f.Alias}, ") + $"--{f.Name}" + (f.IsSwitch ? "" : $" <{f.ValueName}>")).ToList();
        var width = heads.Max(h => h.Length) + 2;
        var text = new StringBuilder();
        for (var i = 0; i < _flags.Count; i++)
            text.Append(indent).Append(heads[i].PadRight(width)).AppendLine(_flags[i].Description);
        return text.ToString();
    }

    /// <summary>Go's strconv.ParseBool, which flag and pflag use for switches.</summary>
    private static bool ParseGoBool(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new FormatException("parse error: not a boolean"),
    };

    private sealed record Flag(string Name, string? Alias, string ValueName, string Description, Action<string> Apply)
    {
        public bool IsSwitch => ValueName.Length == 0;
    }
}
