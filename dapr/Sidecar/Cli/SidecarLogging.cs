using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

internal static class SidecarLogging
{
    /// <summary>
    /// Loggers for one sidecar at daprd's --log-level, one line per entry. ASP.NET Core's own hosting messages ("Now
    /// listening on", "Press Ctrl+C to shut down") are kept to warnings and worse: daprd prints nothing like them and
    /// the sidecar logs its own listening addresses.
    /// </summary>
    public static ILoggerFactory CreateFactory(string appId, LogLevel level, Action<string> writeLine) =>
        LoggerFactory.Create(logging => logging
            .SetMinimumLevel(level)
            .AddFilter("Microsoft", level > LogLevel.Warning ? level : LogLevel.Warning)
            .AddProvider(new LineLoggerProvider(writeLine, appId, includeStackTraces: level <= LogLevel.Debug)));
}
