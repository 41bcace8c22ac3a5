using DaprShop.Sidecar.Runner;

namespace DaprShop.Sidecar.Cli;

/// <summary>The <c>run</c> command's flags: <c>-f</c>/<c>--run-file</c> as in <c>dapr run -f</c>, plus this runner's own.</summary>
internal sealed class RunArguments
{
    private string? _runFile;
    private bool _skipBuild;
    private TimeSpan _startupTimeout = TimeSpan.FromSeconds(120);

    private RunArguments()
    {
    }

    public string RunFile => _runFile!;

    public MultiAppRunnerOptions RunnerOptions => new() { SkipBuild = _skipBuild, StartupTimeout = _startupTimeout };

    public static string Usage => new RunArguments().CreateFlags().Describe();

    /// <summary>Returns null when usage was asked for (-h, --help).</summary>
    public static RunArguments? Parse(IReadOnlyList<string> args)
    {
        var arguments = new RunArguments();
        if (!arguments.CreateFlags().Parse(args)) return null;
        return arguments._runFile is null
            ? throw new CommandLineException("run needs a template: run -f <dir-or-file> (a directory means <dir>/dapr.yaml)")
            : arguments;
    }

    private FlagSet CreateFlags() => new FlagSet()
        .Value("run-file", "dir-or-file", "The Multi-App Run template, or a directory holding dapr.yaml", v => _runFile = v, alias: "f")
        .Switch("no-build", "Do not build the solution first (done when .NET apps start from build output: `dotnet run --no-build`, `dotnet App.dll`)", v => _skipBuild = v)
        .Value("startup-timeout", "duration", "How long apps and sidecars may take to become ready, in seconds or as a Go duration (default 120s)", v => _startupTimeout = DaprdArguments.ParseDuration(v, TimeSpan.FromSeconds(1)));
}
