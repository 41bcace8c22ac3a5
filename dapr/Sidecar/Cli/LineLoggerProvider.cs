using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// Writes sidecar log entries as single lines shaped like daprd's text logs
/// (<c>time="…" level=info msg="…" app_id=cart scope=…</c>), so they read the same whether they land on the console,
/// in a run's log file or behind a "== DAPR - cart ==" prefix. An exception adds its message to the line; its stack
/// trace follows only at debug level, as daprd prints none. Filtering is left to the logger factory.
/// </summary>
internal sealed class LineLoggerProvider(Action<string> writeLine, string appId, bool includeStackTraces) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(writeLine, appId, categoryName, includeStackTraces);

    public void Dispose()
    {
    }

    private sealed class LineLogger(Action<string> writeLine, string appId, string scope, bool includeStackTraces) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message = $"{message}: {exception.Message}";
            writeLine($"time=\"{DateTimeOffset.Now:yyyy-MM-ddTHH:mm:ss.ffffffzzz}\" level={DaprLogLevel.Name(logLevel)} msg=\"{Escape(message)}\" app_id={appId} scope={scope}");
            if (exception is not null && includeStackTraces)
            {
                foreach (var line in exception.ToString().Split('\n')) writeLine(line.TrimEnd('\r'));
            }
        }

        private static string Escape(string text) =>
            text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
