namespace DaprShop.Sidecar.Runner;

/// <summary>appLogDestination / daprdLogDestination of a run template (dapr/cli standalone.LogDestType).</summary>
internal enum LogDestination
{
    Console,
    File,
    FileAndConsole,
}

internal static class LogDestinations
{
    /// <summary>The YAML spelling, case-sensitive as in the CLI; null for anything else.</summary>
    public static LogDestination? Parse(string text) => text switch
    {
        "console" => LogDestination.Console,
        "file" => LogDestination.File,
        "fileAndConsole" => LogDestination.FileAndConsole,
        _ => null,
    };

    public static bool ToConsole(this LogDestination destination) => destination != LogDestination.File;

    public static bool ToFile(this LogDestination destination) => destination != LogDestination.Console;
}
