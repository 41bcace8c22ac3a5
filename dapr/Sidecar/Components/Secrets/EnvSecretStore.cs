using System.Collections;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components.Secrets;

/// <summary>
/// <c>secretstores.local.env</c>: the sidecar's environment variables, as components-contrib
/// secretstores/local/env/envstore.go. Never exposes APP_API_TOKEN or DAPR_* variables.
/// </summary>
public sealed class EnvSecretStore : ISecretStore
{
    private readonly string _prefix;
    private readonly ILogger _logger;

    private EnvSecretStore(string prefix, ILogger logger)
    {
        _prefix = prefix;
        _logger = logger;
    }

    public static EnvSecretStore Create(ComponentContext context) =>
        new(context.Get("prefix") ?? "", context.LoggerFactory.CreateLogger<EnvSecretStore>());

    /// <summary>Reads <c>prefix + name</c>; a missing or forbidden variable gives "" rather than an error, as in Dapr.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetSecretAsync(
        string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var variable = _prefix + name;
        var value = "";
        if (IsAllowed(variable)) value = Environment.GetEnvironmentVariable(variable) ?? "";
        else _logger.LogWarning("Access to env var {Name} is forbidden", name);
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [name] = value });
    }

    /// <summary>Every allowed variable that starts with the prefix (ignoring case on Windows), named without it.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var variable = (string)entry.Key;
            if (_prefix.Length > 0 && (variable.Length <= _prefix.Length || !variable.StartsWith(_prefix, comparison))) continue;
            if (!IsAllowed(variable)) continue;
            var name = variable[_prefix.Length..];
            secrets[name] = new Dictionary<string, string> { [name] = (string?)entry.Value ?? "" };
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(secrets);
    }

    /// <summary>envstore.go isKeyAllowed: the tokens daprd itself uses stay private, whatever their case.</summary>
    private static bool IsAllowed(string variable)
    {
        var upper = variable.ToUpperInvariant();
        return upper != "APP_API_TOKEN" && !upper.StartsWith("DAPR_", StringComparison.Ordinal);
    }
}
