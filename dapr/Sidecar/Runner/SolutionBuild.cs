using System.Diagnostics;
using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// One <c>dotnet build</c> of the solution before a run whose .NET apps start from build output — with
/// <c>dotnet run --no-build</c> or <c>dotnet bin/…/App.dll</c>. Eight <c>dotnet run</c>s building the same projects
/// at once would race on shared obj/ folders and take far longer; with one build first, the template stays valid
/// for the real Dapr CLI after a manual <c>dotnet build</c>.
/// </summary>
internal static class SolutionBuild
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public static bool IsNeeded(MultiAppTemplate template) => template.Apps.Any(app => RunsBuildOutput(app.Command));

    /// <summary><c>dotnet run --no-build …</c>, <c>dotnet App.dll</c> or <c>dotnet exec App.dll</c>.</summary>
    public static bool RunsBuildOutput(IReadOnlyList<string> command) =>
        command.Count > 1
        && Path.GetFileName(command[0]) == "dotnet"
        && (command.Contains("--no-build") || command.Skip(1).Any(argument => argument.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The nearest *.sln or *.slnx in <paramref name="directory"/> or above it, or null.</summary>
    public static string? FindSolution(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var solutions = current.EnumerateFiles("*.sln").Concat(current.EnumerateFiles("*.slnx")).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
            if (solutions.Count > 0) return solutions[0].FullName;
        }
        return null;
    }

    /// <summary>Builds the solution, printing its output; returns false when the build failed or was cancelled.</summary>
    public static async Task<bool> RunAsync(string solution, SynchronizedLineWriter console, CancellationToken cancellationToken)
    {
        console.Info($"Building {solution} once for all .NET apps (dotnet build -nologo -v q); --no-build skips this");
        var clock = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "build", solution, "-nologo", "-v", "q" },
            WorkingDirectory = Path.GetDirectoryName(solution)!,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var output = Task.WhenAll(PumpAsync(process.StandardOutput, console), PumpAsync(process.StandardError, console));
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var stopped = cancellationToken.WhenCancelled();
        while (!exited.IsCompleted)
        {
            if (await Task.WhenAny(exited, stopped, Task.Delay(ProgressInterval, CancellationToken.None)) == stopped)
            {
                await new ProcessTree(process.Id).TerminateAsync(TimeSpan.FromSeconds(5));
                console.Info("Build cancelled");
                return false;
            }
            if (!exited.IsCompleted) console.Info($"Still building… {clock.Elapsed.TotalSeconds:0}s");
        }
        await output;

        if (process.ExitCode == 0)
        {
            console.Info($"Build succeeded in {clock.Elapsed.TotalSeconds:0.0}s");
            return true;
        }
        console.Error($"Build failed (dotnet build exited with code {process.ExitCode}); fix the errors above, or start with --no-build to run what was built before");
        return false;
    }

    private static async Task PumpAsync(StreamReader reader, SynchronizedLineWriter console)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0) console.WriteLine($"== BUILD == {line}");
        }
    }
}
