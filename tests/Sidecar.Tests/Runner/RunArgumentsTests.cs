using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Tests.Runner;

public sealed class RunArgumentsTests
{
    [Theory]
    [InlineData("-f", "dapr")]
    [InlineData("--run-file", "dapr")]
    [InlineData("--run-file=dapr")]
    [InlineData("-f=dapr")]
    public void The_template_is_given_like_dapr_run_gets_it(params string[] args)
    {
        Assert.Equal("dapr", RunArguments.Parse(args)!.RunFile);
    }

    [Fact]
    public void The_solution_is_built_and_apps_get_two_minutes_unless_told_otherwise()
    {
        var options = RunArguments.Parse(["-f", "dapr"])!.RunnerOptions;

        Assert.Equal((false, TimeSpan.FromSeconds(120)), (options.SkipBuild, options.StartupTimeout));
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("3m", 180)]
    [InlineData("90s", 90)]
    public void No_build_and_startup_timeout_are_read(string timeout, int expectedSeconds)
    {
        var options = RunArguments.Parse(["-f", "dapr", "--no-build", "--startup-timeout", timeout])!.RunnerOptions;

        Assert.Equal((true, TimeSpan.FromSeconds(expectedSeconds)), (options.SkipBuild, options.StartupTimeout));
    }

    [Theory]
    [InlineData("needs a template", "--no-build")]
    [InlineData("unknown flag: --app-id", "-f", "dapr", "--app-id", "x")]
    [InlineData("invalid argument \"soon\" for \"--startup-timeout\" flag", "-f", "dapr", "--startup-timeout", "soon")]
    public void Wrong_input_is_reported(string expectedMessage, params string[] args)
    {
        Assert.Contains(expectedMessage, Assert.Throws<CommandLineException>(() => RunArguments.Parse(args)).Message);
    }
}
