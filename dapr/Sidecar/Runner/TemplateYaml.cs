using YamlDotNet.Serialization;

namespace DaprShop.Sidecar.Runner;

// The raw shape of a run template, key for key as dapr/cli declares it (pkg/runfileconfig/run_file_config.go and
// pkg/standalone/run.go: RunFileConfig, SharedRunConfig, RunConfig, App). Keys are case-sensitive and unknown keys are
// ignored, as yaml.v2 does. Keys with no effect on this sidecar (enableProfiling, placementHostAddress,
// schedulerHostAddress, appMaxConcurrency, readBufferSize, unixDomainSocket, containerImage…) are not declared, so they
// are ignored the same way.

internal sealed class TemplateFileYaml
{
    [YamlMember(Alias = "version")] public int Version { get; set; }

    [YamlMember(Alias = "name")] public string? Name { get; set; }

    [YamlMember(Alias = "common")] public SharedRunConfigYaml? Common { get; set; }

    [YamlMember(Alias = "apps")] public List<AppYaml>? Apps { get; set; }
}

/// <summary>Keys allowed in <c>common</c> and in every app; an app's zero value takes the value from common.</summary>
internal class SharedRunConfigYaml
{
    [YamlMember(Alias = "configFilePath")] public string? ConfigFilePath { get; set; }

    [YamlMember(Alias = "appProtocol")] public string? AppProtocol { get; set; }

    [YamlMember(Alias = "apiListenAddresses")] public string? ApiListenAddresses { get; set; }

    [YamlMember(Alias = "logLevel")] public string? LogLevel { get; set; }

    /// <summary>Deprecated single path; appended to <see cref="ResourcesPaths"/>.</summary>
    [YamlMember(Alias = "resourcesPath")] public string? ResourcesPath { get; set; }

    [YamlMember(Alias = "resourcesPaths")] public List<string>? ResourcesPaths { get; set; }

    /// <summary>1.15+: a resource quantity such as "4Mi".</summary>
    [YamlMember(Alias = "maxBodySize")] public string? MaxBodySize { get; set; }

    /// <summary>1.14: megabytes; used when <see cref="MaxBodySize"/> is absent.</summary>
    [YamlMember(Alias = "daprHTTPMaxRequestSize")] public int DaprHttpMaxRequestSize { get; set; }

    [YamlMember(Alias = "enableAppHealthCheck")] public bool EnableAppHealthCheck { get; set; }

    [YamlMember(Alias = "appHealthCheckPath")] public string? AppHealthCheckPath { get; set; }

    /// <summary>Seconds.</summary>
    [YamlMember(Alias = "appHealthProbeInterval")] public int AppHealthProbeInterval { get; set; }

    /// <summary>Milliseconds.</summary>
    [YamlMember(Alias = "appHealthProbeTimeout")] public int AppHealthProbeTimeout { get; set; }

    [YamlMember(Alias = "appHealthThreshold")] public int AppHealthThreshold { get; set; }

    [YamlMember(Alias = "enableApiLogging")] public bool EnableApiLogging { get; set; }

    /// <summary>Where the Dapr install lives: its .dapr/components and .dapr/config.yaml are the last fallbacks.</summary>
    [YamlMember(Alias = "runtimePath")] public string? RuntimePath { get; set; }

    [YamlMember(Alias = "env")] public Dictionary<string, string?>? Env { get; set; }

    [YamlMember(Alias = "daprdLogDestination")] public string? DaprdLogDestination { get; set; }

    [YamlMember(Alias = "appLogDestination")] public string? AppLogDestination { get; set; }
}

internal sealed class AppYaml : SharedRunConfigYaml
{
    [YamlMember(Alias = "appID")] public string? AppId { get; set; }

    [YamlMember(Alias = "appDirPath")] public string? AppDirPath { get; set; }

    [YamlMember(Alias = "appChannelAddress")] public string? AppChannelAddress { get; set; }

    [YamlMember(Alias = "appPort")] public int AppPort { get; set; }

    [YamlMember(Alias = "daprHTTPPort")] public int DaprHttpPort { get; set; }

    [YamlMember(Alias = "daprGRPCPort")] public int DaprGrpcPort { get; set; }

    [YamlMember(Alias = "daprInternalGRPCPort")] public int DaprInternalGrpcPort { get; set; }

    [YamlMember(Alias = "metricsPort")] public int MetricsPort { get; set; }

    [YamlMember(Alias = "command")] public List<string>? Command { get; set; }
}
