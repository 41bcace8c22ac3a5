using DaprShop.Sidecar.Runner;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>What each app and sidecar of a run gets, pinned to dapr/cli pkg/standalone/run.go (getEnv, getAppProtocol, Validate).</summary>
public sealed class AppLaunchPlanTests
{
    private static readonly TemplateApp Cart = new() { AppId = "cart", AppDirPath = "/srv/cart", Command = ["dotnet", "run"] };

    [Fact]
    public void The_app_gets_the_variables_dapr_run_sets()
    {
        var plan = Plan(Cart with { AppPort = 5104, DaprGrpcPort = 50004, MetricsPort = 9094 });

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["APP_ID"] = "cart",
                ["APP_PORT"] = "5104",
                ["APP_CHANNEL_ADDRESS"] = "127.0.0.1",
                ["APP_PROTOCOL"] = "http",
                ["DAPR_HTTP_PORT"] = "3504",
                ["DAPR_GRPC_PORT"] = "50004",
                ["DAPR_METRICS_PORT"] = "9094",
            },
            plan.AppEnvironment(daprHttpPort: 3504));
    }

    [Fact]
    public void App_port_is_left_out_when_the_app_has_none_and_unset_ports_get_distinct_free_ones()
    {
        var plans = AppLaunchPlan.CreateAll([Cart, Cart with { AppId = "orders", DaprGrpcPort = 50001 }], _ => null);

        var environment = plans[0].AppEnvironment(daprHttpPort: 3500);
        Assert.DoesNotContain("APP_PORT", environment.Keys);
        int[] ports = [plans[0].DaprGrpcPort, plans[0].MetricsPort, plans[1].DaprGrpcPort, plans[1].MetricsPort];
        Assert.All(ports, port => Assert.InRange(port, 1, 65535));
        Assert.Equal(ports.Length, ports.Distinct().Count());
        Assert.Equal(50001, plans[1].DaprGrpcPort);
        Assert.Null(plans[0].Sidecar.AppPort);
        Assert.Equal(0, plans[0].Sidecar.DaprHttpPort);
    }

    [Fact]
    public void The_template_env_comes_last_and_wins_like_the_last_value_in_a_go_exec_environment()
    {
        var plan = Plan(Cart with { AppPort = 5104, Env = new Dictionary<string, string> { ["APP_PORT"] = "6000", ["FEATURE"] = "on" } });

        var environment = plan.AppEnvironment(daprHttpPort: 3504);

        Assert.Equal(("6000", "on"), (environment["APP_PORT"], environment["FEATURE"]));
    }

    [Theory]
    [InlineData(null, "http")]
    [InlineData("HTTP", "http")]
    [InlineData("https", "https")]
    public void App_protocol_is_lower_cased_and_defaults_to_http(string? written, string expected)
    {
        var plan = Plan(Cart with { AppProtocol = written });

        Assert.Equal((expected, expected), (plan.Sidecar.AppProtocol, plan.AppEnvironment(3500)["APP_PROTOCOL"]));
    }

    [Fact]
    public void Tokens_come_from_the_apps_template_env_before_the_runners_environment_and_reach_both_sidecar_and_app()
    {
        var runner = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = "from-runner", ["APP_API_TOKEN"] = "app-from-runner", ["NAMESPACE"] = "" };
        var plan = Plan(Cart with { Env = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = "from-template" } }, runner);

        Assert.Equal(("from-template", "app-from-runner", null), (plan.Sidecar.ApiToken, plan.Sidecar.AppApiToken, plan.Sidecar.Namespace));
        var environment = plan.AppEnvironment(3500);
        Assert.Equal(("from-template", "app-from-runner"), (environment["DAPR_API_TOKEN"], environment["APP_API_TOKEN"]));
    }

    [Fact]
    public void The_sidecar_gets_what_the_cli_would_pass_to_daprd_and_runs_in_appDirPath()
    {
        var plan = Plan(Cart with
        {
            AppPort = 5104,
            AppChannelAddress = "10.1.2.3",
            DaprHttpPort = 3504,
            DaprInternalGrpcPort = 50104,
            ResourcesPaths = ["/srv/components"],
            ConfigFilePath = "/srv/config.yaml",
            ApiListenAddresses = "0.0.0.0",
            EnableAppHealthCheck = true,
            AppHealthCheckPath = "/readyz",
            AppHealthProbeInterval = 3,
            AppHealthProbeTimeout = 200,
            AppHealthThreshold = 2,
            EnableApiLogging = true,
            LogLevel = "warn",
        });
        var sidecar = plan.Sidecar;

        Assert.Equal(
            ("cart", 5104, "10.1.2.3", 3504, 50104, "/srv/config.yaml", "0.0.0.0", "/srv/cart", true, "/readyz", TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200), 2, true),
            (sidecar.AppId, sidecar.AppPort, sidecar.AppChannelAddress, sidecar.DaprHttpPort, sidecar.DaprInternalPort, sidecar.ConfigPath, sidecar.ListenAddress,
                sidecar.WorkingDirectory, sidecar.EnableAppHealthCheck, sidecar.AppHealthCheckPath, sidecar.AppHealthProbeInterval, sidecar.AppHealthProbeTimeout,
                sidecar.AppHealthThreshold, sidecar.EnableApiLogging));
        Assert.Equal(["/srv/components"], sidecar.ResourcesPaths);
        Assert.Equal(LogLevel.Warning, plan.SidecarLogLevel);
        Assert.Equal("10.1.2.3", plan.AppEnvironment(3504)["APP_CHANNEL_ADDRESS"]);
    }

    [Theory]
    [InlineData(null, 0, 4L << 20)]
    [InlineData(null, 16, 16L << 20)]
    [InlineData("1Mi", 16, 1L << 20)]
    public void Max_body_size_prefers_the_quantity_over_the_older_megabytes_key(string? maxBodySize, int megabytes, long expected)
    {
        Assert.Equal(expected, Plan(Cart with { MaxBodySize = maxBodySize, DaprHttpMaxRequestSize = megabytes }).Sidecar.MaxBodySize);
    }

    [Theory]
    [InlineData("grpc", null, null, null, "app \"cart\": appProtocol: \"grpc\" is not supported")]
    [InlineData(null, "verbose", null, null, "app \"cart\": logLevel: invalid value \"verbose\"")]
    [InlineData(null, null, "4 MB", null, "app \"cart\": maxBodySize: invalid value \"4 MB\"")]
    [InlineData(null, null, null, "127.0.0.1,[::1]", "app \"cart\": apiListenAddresses: this sidecar listens on one address")]
    public void Settings_this_sidecar_cannot_honour_are_errors_naming_app_and_key(
        string? protocol, string? logLevel, string? maxBodySize, string? listenAddresses, string expectedMessage)
    {
        var app = Cart with { AppProtocol = protocol, LogLevel = logLevel, MaxBodySize = maxBodySize, ApiListenAddresses = listenAddresses };

        Assert.Contains(expectedMessage, Assert.Throws<TemplateException>(() => Plan(app)).Message);
    }

    [Fact]
    public void A_command_whose_program_is_empty_is_an_error_as_in_the_cli()
    {
        var error = Assert.Throws<TemplateException>(() => Plan(Cart with { Command = ["", "run"] }));

        Assert.Contains("app \"cart\": command: exec: no command", error.Message);
    }

    private static AppLaunchPlan Plan(TemplateApp app, IReadOnlyDictionary<string, string>? runnerEnvironment = null) =>
        AppLaunchPlan.Create(app, new PortAllocator([]), name => runnerEnvironment?.GetValueOrDefault(name));
}
