using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace DaprShop.ServiceDefaults.Logging;

/// <summary>
/// Structured console logging through Serilog: timestamp, level, app id, trace and span id of the current
/// Activity (Serilog 3.1 captures them on every event), source and message; one JSON object per line with
/// <c>LOG_FORMAT=json</c>. <c>LOG_LEVEL</c> sets the minimum level (default Information).
/// </summary>
/// <remarks>
/// ASP.NET Core's own request logs are held at Warning: they print paths with query strings, and account links
/// carry tokens there. Nothing here logs headers or bodies, so API tokens and passwords never reach the log.
/// </remarks>
internal static class SerilogSetup
{
    private const string TextTemplate =
        "[{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3}] {AppId} {TraceId}/{SpanId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void AddSerilogConsole(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var appId = configuration["APP_ID"] is { Length: > 0 } configuredAppId ? configuredAppId : builder.Environment.ApplicationName;
        var minimumLevel = Enum.TryParse<LogEventLevel>(configuration["LOG_LEVEL"], ignoreCase: true, out var level) ? level : LogEventLevel.Information;

        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("AppId", appId)
            .WriteTo.Console(CreateFormatter(configuration["LOG_FORMAT"]))
            .CreateLogger();

        builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);
    }

    /// <summary>JSON lines for <c>LOG_FORMAT=json</c> (log shippers), readable text otherwise.</summary>
    internal static ITextFormatter CreateFormatter(string? logFormat) =>
        string.Equals(logFormat, "json", StringComparison.OrdinalIgnoreCase)
            ? new JsonFormatter(renderMessage: true)
            : new MessageTemplateTextFormatter(TextTemplate);
}
