using System.Globalization;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Time;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// daprd's own command line (dapr/dapr cmd/daprd/options/options.go) turned into <see cref="SidecarOptions"/>:
/// the flags this sidecar implements, plus the few more that <c>dapr run</c> always passes to daprd (gRPC, metrics,
/// placement, scheduler…), which are accepted and reported as ignored so the binary can stand in for daprd.
/// Environment: DAPR_API_TOKEN, APP_API_TOKEN and NAMESPACE, read as daprd reads them (empty = unset).
/// </summary>
internal sealed class DaprdArguments
{
    private readonly List<string> _resourcesPaths = [];
    private readonly List<string> _configPaths = [];
    private readonly List<string> _ignoredFlags = [];
    private string? _appId;
    private int? _appPort;
    private int _daprHttpPort = 3500;
    private int _daprInternalPort;
    private string _appProtocol = "http";
    private string _appChannelAddress = "127.0.0.1";
    private string _listenAddress = "127.0.0.1";
    private bool _enableAppHealthCheck;
    private string _appHealthCheckPath = "/healthz";
    private TimeSpan _appHealthProbeInterval = TimeSpan.FromSeconds(5);
    private TimeSpan _appHealthProbeTimeout = TimeSpan.FromMilliseconds(500);
    private int _appHealthThreshold = 3;
    private long _maxBodySize = 4 * 1024 * 1024;
    private bool _enableApiLogging;

    private DaprdArguments()
    {
    }

    public SidecarOptions Options { get; private set; } = null!;

    public LogLevel LogLevel { get; private set; } = LogLevel.Information;

    /// <summary>daprd flags that were given but have no effect here, e.g. "--dapr-grpc-port".</summary>
    public IReadOnlyList<string> IgnoredFlags => _ignoredFlags;

    public static string Usage => new DaprdArguments().CreateFlags().Describe();

    /// <summary>Returns null when usage was asked for (-h, --help).</summary>
    public static DaprdArguments? Parse(IReadOnlyList<string> args, Func<string, string?> environment, string workingDirectory)
    {
        var arguments = new DaprdArguments();
        if (!arguments.CreateFlags().Parse(args)) return null;
        if (string.IsNullOrWhiteSpace(arguments._appId)) throw new CommandLineException("--app-id is required");
        if (arguments._configPaths.Count > 1)
            throw new CommandLineException("--config: this sidecar loads one configuration file; daprd's list of configurations is not supported");

        arguments.Options = new SidecarOptions
        {
            AppId = arguments._appId,
            AppPort = arguments._appPort,
            AppChannelAddress = arguments._appChannelAddress,
            AppProtocol = arguments._appProtocol,
            DaprHttpPort = arguments._daprHttpPort,
            DaprInternalPort = arguments._daprInternalPort,
            ListenAddress = arguments._listenAddress,
            ResourcesPaths = arguments._resourcesPaths.Select(path => Path.GetFullPath(path, workingDirectory)).ToList(),
            ConfigPath = arguments._configPaths.Select(path => Path.GetFullPath(path, workingDirectory)).SingleOrDefault(),
            WorkingDirectory = workingDirectory,
            EnableAppHealthCheck = arguments._enableAppHealthCheck,
            AppHealthCheckPath = arguments._appHealthCheckPath,
            AppHealthProbeInterval = arguments._appHealthProbeInterval,
            AppHealthProbeTimeout = arguments._appHealthProbeTimeout,
            AppHealthThreshold = arguments._appHealthThreshold,
            MaxBodySize = arguments._maxBodySize,
            EnableApiLogging = arguments._enableApiLogging,
            ApiToken = NonEmpty(environment("DAPR_API_TOKEN")),
            AppApiToken = NonEmpty(environment("APP_API_TOKEN")),
            Namespace = NonEmpty(environment("NAMESPACE")),
        };
        return arguments;
    }

    /// <summary>
    /// A duration flag that daprd declares as an integer in <paramref name="unit"/> (seconds, milliseconds); a Go
    /// duration with its own unit ("5s", "250ms") is accepted as well.
    /// </summary>
    public static TimeSpan ParseDuration(string text, TimeSpan unit)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return unit * count;
        if (GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.Zero) return duration;
        throw new FormatException($"expected a whole number of {(unit == TimeSpan.FromSeconds(1) ? "seconds" : "milliseconds")} or a Go duration such as 5s");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException("expected a port number between 0 and 65535");

    private static int ParsePositive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException("expected a whole number greater than 0");

    /// <summary>pflag's StringSlice: repeatable, and each value may hold a comma-separated list.</summary>
    private static void AddList(List<string> list, string value) =>
        list.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private FlagSet CreateFlags()
    {
        var flags = new FlagSet()
            .Value("app-id", "id", "A unique ID for the app; used for service invocation, state key prefixes and pub/sub (required)", v => _appId = v)
            .Value("app-port", "port", "The port the application is listening on (none: no app channel)", v => _appPort = ParsePort(v) is var port and > 0 ? port : null)
            .Value("app-protocol", "protocol", "Protocol for the application: http or https (default http)", v => _appProtocol = v is "http" or "https"
                ? v
                : throw new FormatException("this sidecar talks to apps over http or https only"))
            .Value("app-channel-address", "address", "The network address the application listens on (default 127.0.0.1)", v => _appChannelAddress = v)
            .Value("dapr-http-port", "port", "HTTP port for the Dapr API to listen on; 0 picks a free port (default 3500)", v => _daprHttpPort = ParsePort(v))
            .Value("dapr-internal-grpc-port", "port", "Port for sidecar-to-sidecar calls; 0 picks a free port (default 0)", v => _daprInternalPort = ParsePort(v))
            .Value("dapr-listen-addresses", "address", "Address the Dapr API listens on (default 127.0.0.1)", v => _listenAddress = v.Contains(',')
                ? throw new FormatException("this sidecar listens on one address")
                : v)
            .Value("resources-path", "path", "Path for resources directory; repeatable or comma-separated", v => AddList(_resourcesPaths, v))
            .Value("components-path", "path", "Alias for --resources-path [deprecated, use --resources-path]", v => AddList(_resourcesPaths, v))
            .Value("config", "path", "Path to the Configuration file", v => AddList(_configPaths, v))
            .Switch("enable-app-health-check", "Enable health checks for the application", v => _enableAppHealthCheck = v)
            .Value("app-health-check-path", "path", "Path used for health checks (default /healthz)", v => _appHealthCheckPath = v)
            .Value("app-health-probe-interval", "seconds", "Interval to probe for the health of the app, in seconds or as a Go duration (default 5)", v => _appHealthProbeInterval = ParseDuration(v, TimeSpan.FromSeconds(1)))
            .Value("app-health-probe-timeout", "ms", "Timeout for app health probes, in milliseconds or as a Go duration (default 500)", v => _appHealthProbeTimeout = ParseDuration(v, TimeSpan.FromMilliseconds(1)))
            .Value("app-health-threshold", "count", "Consecutive failures for the app to be considered unhealthy (default 3)", v => _appHealthThreshold = ParsePositive(v))
            .Value("max-body-size", "quantity", "Max size of request bodies, as a resource quantity (default 4Mi)", v => _maxBodySize = ResourceQuantity.ParseBytes(v))
            .Value("log-level", "level", "Log verbosity: debug, info, warn, error, fatal (default info)", v => LogLevel = DaprLogLevel.Parse(v))
            .Switch("enable-api-logging", "Log every API call at info level", v => _enableApiLogging = v);

        // Always passed by `dapr run` (dapr/cli pkg/standalone/run.go getArgs); nothing here serves them.
        foreach (var name in new[] { "dapr-grpc-port", "metrics-port", "profile-port", "placement-host-address", "scheduler-host-address", "app-max-concurrency", "read-buffer-size" })
            flags.Value(name, "value", "Accepted for compatibility with daprd and ignored", _ => _ignoredFlags.Add("--" + name));
        foreach (var name in new[] { "enable-profiling", "enable-metrics", "log-as-json" })
            flags.Switch(name, "Accepted for compatibility with daprd and ignored", _ => _ignoredFlags.Add("--" + name));
        return flags;
    }
}
