using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// Writes sidecar log entries as single lines shaped like daprd's text logs
/// (<c>time="…" level=info msg="…" app_id=cart scope=…</c>), so they read the same whether they land on the console,
/// in a run's log file or behind a "== DAPR - cart ==" prefix. Filtering is left to the logger factory's minimum level.
/// </summary>
internal sealed class LineLoggerProvider(Action<string> writeLine, string appId) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(writeLine, appId, categoryName);

    public void Dispose()
    {
    }

    private sealed class LineLogger(Action<string> writeLine, string appId, string scope) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            if (exception is not null) message = $"{message}: {exception.Message}";
            writeLine($"time=\"{DateTimeOffset.Now:yyyy-MM-ddTHH:mm:ss.ffffffzzz}\" level={DaprLogLevel.Name(logLevel)} msg=\"{Escape(message)}\" app_id={appId} scope={scope}");
            if (exception is not null && logLevel >= LogLevel.Error)
            {
                foreach (var line in exception.ToString().Split('\n')) writeLine(line.TrimEnd('\r'));
            }
        }

        private static string Escape(string text) =>
            text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
