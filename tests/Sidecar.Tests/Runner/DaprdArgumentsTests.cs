using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>daprd's flags (dapr/dapr cmd/daprd/options/options.go) as this sidecar reads them.</summary>
public sealed class DaprdArgumentsTests
{
    private const string WorkingDirectory = "/srv/app";

    [Theory]
    [InlineData("--app-id", "cart", "--app-port", "5104")]
    [InlineData("--app-id=cart", "--app-port=5104")]
    [InlineData("-app-id", "cart", "-app-port=5104")]
    public void Values_are_read_as_separate_or_attached_arguments_with_one_or_two_dashes(params string[] args)
    {
        var options = Parse(args).Options;

        Assert.Equal(("cart", 5104), (options.AppId, options.AppPort));
    }

    [Fact]
    public void Without_flags_beyond_the_app_id_the_defaults_are_daprds()
    {
        var options = Parse("--app-id", "cart").Options;

        Assert.Equal(
            (null, 3500, 0, "http", "127.0.0.1", "127.0.0.1", "/healthz", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500), 3, 4L << 20, false, false),
            (options.AppPort, options.DaprHttpPort, options.DaprInternalPort, options.AppProtocol, options.AppChannelAddress, options.ListenAddress,
                options.AppHealthCheckPath, options.AppHealthProbeInterval, options.AppHealthProbeTimeout, options.AppHealthThreshold, options.MaxBodySize,
                options.EnableAppHealthCheck, options.EnableApiLogging));
        Assert.Empty(options.ResourcesPaths);
        Assert.Null(options.ConfigPath);
        Assert.Equal(WorkingDirectory, options.WorkingDirectory);
    }

    [Fact]
    public void Every_supported_flag_reaches_the_sidecar_options()
    {
        var arguments = Parse(
            "--app-id", "orders", "--app-port", "5105", "--app-protocol", "https", "--app-channel-address", "10.0.0.5",
            "--dapr-http-port", "3505", "--dapr-internal-grpc-port", "50105", "--dapr-listen-addresses", "0.0.0.0",
            "--config", "../dapr/config.yaml", "--enable-app-health-check", "--app-health-check-path", "/readyz",
            "--app-health-probe-interval", "10", "--app-health-probe-timeout", "250", "--app-health-threshold", "5",
            "--max-body-size", "16Mi", "--log-level", "debug", "--enable-api-logging");
        var options = arguments.Options;

        Assert.Equal(
            (5105, "https", "10.0.0.5", 3505, 50105, "0.0.0.0", "/srv/dapr/config.yaml", true, "/readyz", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250), 5, 16L << 20, true),
            (options.AppPort, options.AppProtocol, options.AppChannelAddress, options.DaprHttpPort, options.DaprInternalPort, options.ListenAddress,
                options.ConfigPath, options.EnableAppHealthCheck, options.AppHealthCheckPath, options.AppHealthProbeInterval, options.AppHealthProbeTimeout,
                options.AppHealthThreshold, options.MaxBodySize, options.EnableApiLogging));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, arguments.LogLevel);
    }

    [Fact]
    public void Resources_paths_are_repeatable_comma_separated_and_include_the_deprecated_components_path()
    {
        var options = Parse("--app-id", "cart", "--resources-path", "components", "--resources-path=/abs/a,/abs/b", "--components-path", "legacy").Options;

        Assert.Equal(["/srv/app/components", "/abs/a", "/abs/b", "/srv/app/legacy"], options.ResourcesPaths);
    }

    [Theory]
    [InlineData("--app-health-probe-interval=2s", "--app-health-probe-timeout=1.5s", 2000, 1500)]
    [InlineData("--app-health-probe-interval=1m", "--app-health-probe-timeout=100ms", 60000, 100)]
    public void Probe_durations_also_accept_go_duration_syntax(string interval, string timeout, int intervalMs, int timeoutMs)
    {
        var options = Parse("--app-id", "cart", interval, timeout).Options;

        Assert.Equal((TimeSpan.FromMilliseconds(intervalMs), TimeSpan.FromMilliseconds(timeoutMs)), (options.AppHealthProbeInterval, options.AppHealthProbeTimeout));
    }

    [Fact]
    public void A_switch_can_be_turned_off_explicitly_the_go_way()
    {
        var options = Parse("--app-id", "cart", "--enable-api-logging=false", "--enable-app-health-check=1").Options;

        Assert.Equal((false, true), (options.EnableApiLogging, options.EnableAppHealthCheck));
    }

    [Fact]
    public void App_port_zero_means_no_app_like_daprd()
    {
        Assert.Null(Parse("--app-id", "cart", "--app-port", "0").Options.AppPort);
    }

    [Fact]
    public void Tokens_and_namespace_come_from_the_environment_and_empty_means_unset()
    {
        var environment = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = "api-secret", ["APP_API_TOKEN"] = "", ["NAMESPACE"] = "shop" };

        var options = DaprdArguments.Parse(["--app-id", "cart"], environment.GetValueOrDefault, WorkingDirectory)!.Options;

        Assert.Equal(("api-secret", null, "shop"), (options.ApiToken, options.AppApiToken, options.Namespace));
    }

    [Fact]
    public void Flags_that_dapr_run_always_passes_are_accepted_and_reported_as_ignored()
    {
        var arguments = Parse("--app-id", "cart", "--dapr-grpc-port", "50001", "--metrics-port=9090", "--placement-host-address", "localhost:50005", "--enable-profiling");

        Assert.Equal(["--dapr-grpc-port", "--metrics-port", "--placement-host-address", "--enable-profiling"], arguments.IgnoredFlags);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-help")]
    public void Help_is_not_an_error(string flag)
    {
        Assert.Null(DaprdArguments.Parse(["--app-id", "cart", flag], _ => null, WorkingDirectory));
    }

    [Theory]
    [InlineData("unknown flag: --app-idd", "--app-idd", "cart")]
    [InlineData("flag needs an argument: --app-port", "--app-id", "cart", "--app-port")]
    [InlineData("invalid argument \"abc\" for \"--app-port\" flag", "--app-id", "cart", "--app-port", "abc")]
    [InlineData("invalid argument \"70000\" for \"--dapr-http-port\" flag", "--app-id", "cart", "--dapr-http-port", "70000")]
    [InlineData("invalid argument \"grpc\" for \"--app-protocol\" flag", "--app-id", "cart", "--app-protocol", "grpc")]
    [InlineData("invalid argument \"4XB\" for \"--max-body-size\" flag", "--app-id", "cart", "--max-body-size", "4XB")]
    [InlineData("invalid argument \"verbose\" for \"--log-level\" flag", "--app-id", "cart", "--log-level", "verbose")]
    [InlineData("invalid argument \"yes\" for \"--enable-api-logging\" flag", "--app-id", "cart", "--enable-api-logging=yes")]
    [InlineData("invalid argument \"0\" for \"--app-health-threshold\" flag", "--app-id", "cart", "--app-health-threshold", "0")]
    [InlineData("unexpected argument \"false\"", "--app-id", "cart", "--enable-api-logging", "false")]
    [InlineData("--app-id is required", "--app-port", "5000")]
    [InlineData("one configuration file", "--app-id", "cart", "--config", "a.yaml,b.yaml")]
    public void Wrong_input_is_reported_clearly(string expectedMessage, params string[] args)
    {
        var error = Assert.Throws<CommandLineException>(() => Parse(args));

        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public async Task The_program_exits_with_code_1_and_a_pointer_to_help_on_an_unknown_flag()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await SidecarCommandLine.RunAsync(["--app-id", "cart", "--bogus"], output, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal("Error: unknown flag: --bogus\nRun 'daprshop-sidecar --help' for usage.\n", error.ToString());
    }

    [Fact]
    public async Task Help_prints_both_usages_and_exits_with_code_0()
    {
        var output = new StringWriter();

        var exitCode = await SidecarCommandLine.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Contains("daprshop-sidecar run -f <dir-or-file>", output.ToString());
        Assert.Contains("--dapr-internal-grpc-port <port>", output.ToString());
    }

    private static DaprdArguments Parse(params string[] args) => DaprdArguments.Parse(args, _ => null, WorkingDirectory)!;
}
