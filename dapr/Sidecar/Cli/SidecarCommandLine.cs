using DaprShop.Sidecar.Runner;

namespace DaprShop.Sidecar.Cli;

/// <summary>
/// The program's two faces: <c>run -f &lt;template&gt;</c> runs a multi-app template like <c>dapr run -f</c>; anything
/// else is read as daprd's flags and runs one sidecar. Exit codes: 0 on a requested stop, 1 on errors.
/// </summary>
internal static class SidecarCommandLine
{
    public static string Usage => $"""
        daprshop-sidecar: a local Dapr-compatible sidecar (stand-in for daprd) and multi-app runner (stand-in for dapr run -f).

        Usage:
          daprshop-sidecar run -f <dir-or-file> [--no-build] [--startup-timeout <duration>]
          daprshop-sidecar --app-id <id> [daprd flags]

        Run a Multi-App Run template (dapr.yaml), every sidecar in this process:
        {RunArguments.Usage}
        Run one sidecar, with daprd's flags ("--flag value" or "--flag=value"):
        {DaprdArguments.Usage}
        Environment (single sidecar; under `run`, from the app's env in the template or the runner's environment):
          DAPR_API_TOKEN   require this token (header dapr-api-token) on every Dapr API call
          APP_API_TOKEN    send this token to the app in the dapr-api-token header
          NAMESPACE        namespace for namespaced resources and keyPrefix: namespace
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stopRequested)
    {
        try
        {
            if (args is ["run", .. var runArgs])
            {
                if (RunArguments.Parse(runArgs) is not { } run) return PrintUsage(output);
                var template = MultiAppTemplate.Load(run.RunFile, Environment.GetEnvironmentVariable);
                return await new MultiAppRunner(template, run.RunnerOptions, output).RunAsync(stopRequested);
            }

            if (DaprdArguments.Parse(args, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory()) is not { } daprd)
                return PrintUsage(output);
            return await SingleSidecarCommand.RunAsync(daprd, output, stopRequested);
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync($"Error: {e.Message}\nRun 'daprshop-sidecar --help' for usage.");
            return 1;
        }
        catch (TemplateException e)
        {
            await error.WriteLineAsync($"Error getting apps from config file: {e.Message}");
            return 1;
        }
    }

    private static int PrintUsage(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }
}
