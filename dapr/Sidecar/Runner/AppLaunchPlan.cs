using System.Globalization;
using DaprShop.Sidecar.Cli;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// What to start for one template app: the sidecar's options (what the CLI would pass to daprd as flags) and the
/// values the app's environment is built from. Ports the template leaves out are chosen here as the CLI chooses them
/// (RunConfig.Validate: a free port), except the Dapr HTTP and internal ports, which the sidecar picks itself when it
/// binds, so no other process can take them in between.
/// </summary>
internal sealed record AppLaunchPlan(TemplateApp App, SidecarOptions Sidecar, LogLevel SidecarLogLevel, int DaprGrpcPort, int MetricsPort)
{
    public static IReadOnlyList<AppLaunchPlan> CreateAll(IReadOnlyList<TemplateApp> apps, Func<string, string?> runnerEnvironment)
    {
        var ports = new PortAllocator(apps.SelectMany(app =>
            new[] { app.AppPort, app.DaprHttpPort, app.DaprGrpcPort, app.DaprInternalGrpcPort, app.MetricsPort }.Where(port => port > 0)));
        return apps.Select(app => Create(app, ports, runnerEnvironment)).ToList();
    }

    public static AppLaunchPlan Create(TemplateApp app, PortAllocator ports, Func<string, string?> runnerEnvironment)
    {
        // daprd reads these from its own environment; under this runner the template's env for the app counts too,
        // so a token set in dapr.yaml reaches both the app and its sidecar.
        string? Variable(string name) =>
            app.Env.TryGetValue(name, out var value) && value.Length > 0 ? value
            : runnerEnvironment(name) is { Length: > 0 } inherited ? inherited
            : null;

        if (app.Command is [var program, ..] && string.IsNullOrWhiteSpace(program))
            throw new TemplateException($"app \"{app.AppId}\": command: exec: no command (the first element must name a program)");

        var sidecar = new SidecarOptions
        {
            AppId = app.AppId,
            AppPort = app.AppPort > 0 ? app.AppPort : null,
            AppChannelAddress = string.IsNullOrEmpty(app.AppChannelAddress) ? "127.0.0.1" : app.AppChannelAddress,
            AppProtocol = SidecarAppProtocol(app),
            DaprHttpPort = app.DaprHttpPort,
            DaprInternalPort = app.DaprInternalGrpcPort,
            ListenAddress = ListenAddress(app),
            ResourcesPaths = app.ResourcesPaths,
            ConfigPath = app.ConfigFilePath,
            // daprd runs in appDirPath under `dapr run -f` (cmd/run.go startDaprdAndAppProcesses sets its Dir).
            WorkingDirectory = app.AppDirPath,
            EnableAppHealthCheck = app.EnableAppHealthCheck,
            AppHealthCheckPath = string.IsNullOrEmpty(app.AppHealthCheckPath) ? "/healthz" : app.AppHealthCheckPath,
            AppHealthProbeInterval = app.AppHealthProbeInterval > 0 ? TimeSpan.FromSeconds(app.AppHealthProbeInterval) : TimeSpan.FromSeconds(5),
            AppHealthProbeTimeout = app.AppHealthProbeTimeout > 0 ? TimeSpan.FromMilliseconds(app.AppHealthProbeTimeout) : TimeSpan.FromMilliseconds(500),
            AppHealthThreshold = app.AppHealthThreshold > 0 ? app.AppHealthThreshold : 3,
            MaxBodySize = MaxBodySize(app),
            EnableApiLogging = app.EnableApiLogging,
            ApiToken = Variable("DAPR_API_TOKEN"),
            AppApiToken = Variable("APP_API_TOKEN"),
            Namespace = Variable("NAMESPACE"),
        };
        return new AppLaunchPlan(
            app,
            sidecar,
            string.IsNullOrEmpty(app.LogLevel) ? LogLevel.Information : Checked(app, "logLevel", app.LogLevel, DaprLogLevel.Parse),
            app.DaprGrpcPort > 0 ? app.DaprGrpcPort : ports.Next(),
            app.MetricsPort > 0 ? app.MetricsPort : ports.Next());
    }

    /// <summary>
    /// The variables the app process gets on top of the runner's environment, as dapr/cli's RunConfig.getEnv builds
    /// them: APP_ID, APP_CHANNEL_ADDRESS, APP_PORT (only when set), DAPR_HTTP_PORT, DAPR_GRPC_PORT,
    /// DAPR_METRICS_PORT, APP_PROTOCOL, then the template's env, which wins on a clash (it comes last, and with Go's
    /// exec the last value of a variable counts). The API tokens the sidecar uses are passed on as well.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppEnvironment(int daprHttpPort)
    {
        var environment = new Dictionary<string, string>
        {
            ["APP_ID"] = App.AppId,
            // The CLI passes the template's value even when it is empty; the address daprd actually uses is more useful.
            ["APP_CHANNEL_ADDRESS"] = Sidecar.AppChannelAddress,
            ["DAPR_HTTP_PORT"] = Invariant(daprHttpPort),
            ["DAPR_GRPC_PORT"] = Invariant(DaprGrpcPort),
            ["DAPR_METRICS_PORT"] = Invariant(MetricsPort),
            ["APP_PROTOCOL"] = Sidecar.AppProtocol,
        };
        if (App.AppPort > 0) environment["APP_PORT"] = Invariant(App.AppPort);
        if (Sidecar.ApiToken is not null) environment["DAPR_API_TOKEN"] = Sidecar.ApiToken;
        if (Sidecar.AppApiToken is not null) environment["APP_API_TOKEN"] = Sidecar.AppApiToken;
        foreach (var (name, value) in App.Env) environment[name] = value;
        return environment;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RunConfig.getAppProtocol: lower-cased, empty means http; this sidecar calls apps over HTTP only.</summary>
    private static string SidecarAppProtocol(TemplateApp app)
    {
        var protocol = string.IsNullOrEmpty(app.AppProtocol) ? "http" : app.AppProtocol.ToLowerInvariant();
        return protocol is "http" or "https"
            ? protocol
            : throw new TemplateException($"app \"{app.AppId}\": appProtocol: \"{app.AppProtocol}\" is not supported; this sidecar talks to apps over http or https");
    }

    private static string ListenAddress(TemplateApp app) =>
        string.IsNullOrWhiteSpace(app.ApiListenAddresses) ? "127.0.0.1"
        : app.ApiListenAddresses.Contains(',') ? throw new TemplateException($"app \"{app.AppId}\": apiListenAddresses: this sidecar listens on one address, not \"{app.ApiListenAddresses}\"")
        : app.ApiListenAddresses.Trim();

    /// <summary>maxBodySize (1.15+, a quantity) wins over daprHTTPMaxRequestSize (1.14, megabytes); 4Mi by default.</summary>
    private static long MaxBodySize(TemplateApp app)
    {
        if (!string.IsNullOrEmpty(app.MaxBodySize)) return Checked(app, "maxBodySize", app.MaxBodySize, ResourceQuantity.ParseBytes);
        return app.DaprHttpMaxRequestSize > 0 ? (long)app.DaprHttpMaxRequestSize << 20 : 4L << 20;
    }

    private static T Checked<T>(TemplateApp app, string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new TemplateException($"app \"{app.AppId}\": {key}: invalid value \"{text}\": {e.Message}");
        }
    }
}
