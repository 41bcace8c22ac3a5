namespace DaprShop.Sidecar.Runtime;

/// <summary>Everything one sidecar needs; mirrors daprd's command-line flags.</summary>
public sealed record SidecarOptions
{
    public required string AppId { get; init; }

    /// <summary>App port; null when the sidecar serves no app (daprd without --app-port).</summary>
    public int? AppPort { get; init; }

    public string AppChannelAddress { get; init; } = "127.0.0.1";

    /// <summary>"http" (the only protocol this sidecar speaks to apps) or "https".</summary>
    public string AppProtocol { get; init; } = "http";

    /// <summary>0 picks a free port.</summary>
    public int DaprHttpPort { get; init; } = 3500;

    /// <summary>Port for sidecar-to-sidecar calls (daprd's internal gRPC port); 0 picks a free port.</summary>
    public int DaprInternalPort { get; init; }

    /// <summary>Address the HTTP API listens on (daprd --dapr-listen-addresses).</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];

    public string? ConfigPath { get; init; }

    /// <summary>Relative paths inside component metadata (e.g. secretsFile) resolve against this, as daprd uses its cwd.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public bool EnableAppHealthCheck { get; init; }

    public string AppHealthCheckPath { get; init; } = "/healthz";

    public TimeSpan AppHealthProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan AppHealthProbeTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    public int AppHealthThreshold { get; init; } = 3;

    /// <summary>DAPR_API_TOKEN: required on every API call when set.</summary>
    public string? ApiToken { get; init; }

    /// <summary>APP_API_TOKEN: sent to the app as dapr-api-token when set.</summary>
    public string? AppApiToken { get; init; }

    /// <summary>--max-body-size; 4 MiB like daprd.</summary>
    public long MaxBodySize { get; init; } = 4 * 1024 * 1024;

    /// <summary>NAMESPACE env of daprd: filters namespaced resources and feeds keyPrefix=namespace.</summary>
    public string? Namespace { get; init; }

    public bool EnableApiLogging { get; init; }
}
