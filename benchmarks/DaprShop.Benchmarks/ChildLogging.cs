using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DaprShop.Benchmarks;

/// <summary>
/// Logging inside the child processes: warnings and errors only, all on standard error. Per-request information
/// logs would be part of what is measured, and standard output is reserved for <see cref="ChildProtocol"/>.
/// </summary>
public static class ChildLogging
{
    public static void Configure(ILoggingBuilder logging) => logging
        .ClearProviders()
        .SetMinimumLevel(LogLevel.Warning)
        .AddSimpleConsole(console => console.SingleLine = true)
        .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => Configure(logging));
}
