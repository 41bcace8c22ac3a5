namespace DaprShop.Sidecar.Runner;

/// <summary>
/// One app of a run template after dapr/cli's resolution: absolute paths, resources and config chosen by precedence,
/// common values merged in, env merged, app id and log destinations defaulted. Ports are 0 when not given.
/// </summary>
internal sealed record TemplateApp
{
    public required string AppId { get; init; }

    public required string AppDirPath { get; init; }

    /// <summary>Empty when the template runs only a sidecar for this app.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public int AppPort { get; init; }

    public string? AppChannelAddress { get; init; }

    /// <summary>As written in the template (the CLI lower-cases it only when it builds APP_PROTOCOL).</summary>
    public string? AppProtocol { get; init; }

    public int DaprHttpPort { get; init; }

    public int DaprGrpcPort { get; init; }

    public int DaprInternalGrpcPort { get; init; }

    public int MetricsPort { get; init; }

    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];

    public string? ConfigFilePath { get; init; }

    public string? ApiListenAddresses { get; init; }

    public string? LogLevel { get; init; }

    public string? MaxBodySize { get; init; }

    public int DaprHttpMaxRequestSize { get; init; }

    public bool EnableAppHealthCheck { get; init; }

    public string? AppHealthCheckPath { get; init; }

    public int AppHealthProbeInterval { get; init; }

    public int AppHealthProbeTimeout { get; init; }

    public int AppHealthThreshold { get; init; }

    public bool EnableApiLogging { get; init; }

    public LogDestination AppLogDestination { get; init; } = LogDestination.FileAndConsole;

    public LogDestination DaprdLogDestination { get; init; } = LogDestination.File;
}
