using DaprShop.Sidecar.Runner;

namespace DaprShop.Sidecar.Tests.Runner;

public sealed class SolutionBuildTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly LineRecorder _console = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData(true, "dotnet", "run", "--no-build")]
    [InlineData(true, "dotnet", "run", "--no-build", "--urls", "http://localhost:5000")]
    [InlineData(true, "dotnet", "bin/Debug/net10.0/DaprShop.Gateway.dll")]
    [InlineData(true, "/usr/share/dotnet/dotnet", "exec", "App.dll")]
    [InlineData(false, "dotnet", "run")]
    [InlineData(false, "python3", "app.py", "--no-build")]
    [InlineData(false, "dotnet")]
    public void Only_dotnet_commands_that_start_from_build_output_need_the_build_first(bool expected, params string[] command)
    {
        Assert.Equal(expected, SolutionBuild.RunsBuildOutput(command));
    }

    [Fact]
    public void The_nearest_solution_at_or_above_the_template_directory_is_built()
    {
        _root.WriteFile("Outer.sln", "");
        var inner = _root.WriteFile("repo/Shop.sln", "");
        var deep = _root.CreateDirectory("repo", "deploy", "local");

        Assert.Equal(inner, SolutionBuild.FindSolution(deep));
        Assert.Equal(inner, SolutionBuild.FindSolution(_root.Combine("repo")));
        Assert.Equal(_root.Combine("Outer.sln"), SolutionBuild.FindSolution(_root.Path));
    }

    [Fact]
    public async Task A_failing_build_is_shown_and_fails_the_run_before_any_app_starts()
    {
        var template = BrokenSolutionWithDotnetApp();

        var exitCode = await new MultiAppRunner(template, new MultiAppRunnerOptions(), _console).RunAsync(CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains(_console.Lines, line => line.StartsWith($"INFO  Building {_root.Combine("Broken.sln")} once for all .NET apps", StringComparison.Ordinal));
        Assert.Contains(_console.Lines, line => line.StartsWith("== BUILD == ", StringComparison.Ordinal) && line.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(_console.Lines, line => line.StartsWith("ERROR Build failed (dotnet build exited with code 1)", StringComparison.Ordinal));
        Assert.DoesNotContain(_console.Lines, line => line.Contains("Started Dapr"));
    }

    [Fact]
    public async Task No_build_skips_the_build()
    {
        var template = BrokenSolutionWithDotnetApp();

        var exitCode = await new MultiAppRunner(template, new MultiAppRunnerOptions { SkipBuild = true }, _console).RunAsync(CancellationToken.None);

        // The app itself fails: there is no project to run in its folder.
        Assert.Equal(1, exitCode);
        Assert.DoesNotContain(_console.Lines, line => line.Contains("Building") || line.StartsWith("== BUILD ==", StringComparison.Ordinal));
        Assert.Contains("ERROR App \"svc\" exited with code 1 before it was ready", _console.Lines);
    }

    private MultiAppTemplate BrokenSolutionWithDotnetApp()
    {
        _root.WriteFile("Broken.sln", "this is not a solution file\n");
        _root.CreateDirectory("svc");
        var file = _root.WriteFile("deploy/dapr.yaml", """
            version: 1
            apps:
              - appDirPath: ../svc
                appPort: 1
                command: ["dotnet", "run", "--no-build"]
            """);
        return MultiAppTemplate.Load(file, Environment.GetEnvironmentVariable);
    }
}
