using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

/// <summary>daprd's --log-level values (dapr/kit logger: debug, info, warn, error, fatal) as .NET log levels.</summary>
internal static class DaprLogLevel
{
    public static LogLevel Parse(string text) => text switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" => LogLevel.Critical,
        _ => throw new FormatException("valid values are debug, info, warn, error, fatal"),
    };

    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "fatal",
    };
}
