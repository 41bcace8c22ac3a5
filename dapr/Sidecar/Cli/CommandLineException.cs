namespace DaprShop.Sidecar.Cli;

/// <summary>Wrong command-line input: printed with a pointer to --help, exit code 1.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
