using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace DaprShop.Sidecar.Runner;

/// <summary>
/// A Multi-App Run template (dapr.yaml) read and resolved step for step as dapr/cli does it
/// (pkg/runfileconfig/run_file_config_parser.go, GetApps): parse → validate and make paths absolute → choose resources
/// and config by precedence → merge common into apps → merge env → default app ids and log destinations. Then the
/// checks the CLI leaves to daprd failing at bind time: no two apps with one app id, no port given twice.
/// </summary>
internal sealed class MultiAppTemplate
{
    public const string DefaultFileName = "dapr.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    private static readonly PropertyInfo[] SharedKeys = typeof(SharedRunConfigYaml).GetProperties();

    private MultiAppTemplate(string filePath, string? name, IReadOnlyList<TemplateApp> apps)
    {
        FilePath = filePath;
        Name = name;
        Apps = apps;
    }

    public string FilePath { get; }

    public string? Name { get; }

    public IReadOnlyList<TemplateApp> Apps { get; }

    /// <summary>
    /// <paramref name="path"/> is the template file or a directory holding dapr.yaml (dapr/cli cmd/run.go getRunFilePath).
    /// <paramref name="environment"/> supplies HOME and DAPR_RUNTIME_PATH for the ~/.dapr fallbacks.
    /// </summary>
    public static MultiAppTemplate Load(string path, Func<string, string?> environment)
    {
        var filePath = Path.GetFullPath(ResolveFilePath(path));
        TemplateFileYaml? raw;
        try
        {
            raw = Deserializer.Deserialize<TemplateFileYaml?>(File.ReadAllText(filePath));
        }
        catch (YamlException e)
        {
            throw new TemplateException($"error in parsing the provided app config file {filePath}: {e.Message}", e);
        }
        if (raw is null || raw.Version == 0)
            throw new TemplateException("required field 'version' not found in the provided run template file");

        var apps = new Resolver(Path.GetDirectoryName(filePath)!, raw, environment).Resolve();
        if (apps.Count == 0) throw new TemplateException("No apps to run");
        return new MultiAppTemplate(filePath, raw.Name, apps);
    }

    private static string ResolveFilePath(string path)
    {
        if (Directory.Exists(path))
        {
            var inDirectory = Path.Combine(path, DefaultFileName);
            return File.Exists(inDirectory)
                ? inDirectory
                : throw new TemplateException($"{DefaultFileName} not found in the directory {Path.GetFullPath(path)}");
        }
        if (!File.Exists(path)) throw new TemplateException($"run template {Path.GetFullPath(path)} does not exist");
        return path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)
            ? path
            : throw new TemplateException($"file \"{path}\" is not a YAML file");
    }

    /// <summary>The steps of dapr/cli's RunFileConfig.GetApps over one parsed template.</summary>
    private sealed class Resolver(string templateDirectory, TemplateFileYaml raw, Func<string, string?> environment)
    {
        private readonly SharedRunConfigYaml _common = raw.Common ?? new SharedRunConfigYaml();
        private readonly List<AppYaml> _apps = raw.Apps ?? [];

        public List<TemplateApp> Resolve()
        {
            // validateRunConfig: common paths relative to the template, appDirPath relative to the template, every
            // other app path relative to its appDirPath; every given path must exist.
            ResolveSectionPaths(_common, templateDirectory, "common");
            for (var i = 0; i < _apps.Count; i++)
            {
                var app = _apps[i];
                if (string.IsNullOrEmpty(app.AppDirPath))
                    throw new TemplateException($"{Label(i)}: required field 'appDirPath' not found in the provided app config file");
                app.AppDirPath = Path.TrimEndingDirectorySeparator(ResolveExisting(templateDirectory, app.AppDirPath, Label(i), "appDirPath"));
                ResolveSectionPaths(app, app.AppDirPath, Label(i));
            }

            for (var i = 0; i < _apps.Count; i++)
            {
                // resolveResourcesAndConfigFilePaths runs before the merge, so precedence decides these two keys.
                var app = _apps[i];
                if (string.IsNullOrEmpty(app.RuntimePath)) app.RuntimePath = _common.RuntimePath;
                app.ResourcesPaths = ChooseResourcesPaths(app);
                app.ConfigFilePath = ChooseConfigFile(app);
            }

            foreach (var app in _apps)
            {
                MergeCommonInto(app);
                app.Env ??= [];
                foreach (var (key, value) in _common.Env ?? []) app.Env.TryAdd(key, value);
            }

            var resolved = _apps.Select(ToTemplateApp).ToList();
            RejectDuplicateAppIds(resolved);
            RejectDuplicatePorts(resolved);
            return resolved;
        }

        /// <summary>How errors name an app before and after its id is defaulted to the base name of appDirPath.</summary>
        private string Label(int index)
        {
            var app = _apps[index];
            if (!string.IsNullOrEmpty(app.AppId)) return $"app \"{app.AppId}\"";
            return string.IsNullOrEmpty(app.AppDirPath) ? $"apps[{index}]" : $"app \"{Path.GetFileName(Path.TrimEndingDirectorySeparator(app.AppDirPath))}\"";
        }

        private void ResolveSectionPaths(SharedRunConfigYaml section, string baseDirectory, string label)
        {
            section.ConfigFilePath = ResolveExistingOrNull(baseDirectory, section.ConfigFilePath, label, "configFilePath");
            section.ResourcesPath = ResolveExistingOrNull(baseDirectory, section.ResourcesPath, label, "resourcesPath");
            section.RuntimePath = ResolveExistingOrNull(baseDirectory, section.RuntimePath, label, "runtimePath");
            if (section.ResourcesPaths is not null)
                section.ResourcesPaths = section.ResourcesPaths.Select(path => ResolveExisting(baseDirectory, path, label, "resourcesPaths")).ToList();
            if (!string.IsNullOrWhiteSpace(section.ResourcesPath))
                section.ResourcesPaths = [.. section.ResourcesPaths ?? [], section.ResourcesPath];
        }

        private string? ResolveExistingOrNull(string baseDirectory, string? path, string label, string key) =>
            string.IsNullOrEmpty(path) ? path : ResolveExisting(baseDirectory, path, label, key);

        /// <summary>utils.ResolveHomeDir ("~" → home), utils.GetAbsPath, utils.ValidatePath (the path must exist).</summary>
        private string ResolveExisting(string baseDirectory, string path, string label, string key)
        {
            if (path.StartsWith('~')) path = HomeDirectory() + path[1..];
            var absolute = Path.GetFullPath(path, baseDirectory);
            return Path.Exists(absolute)
                ? absolute
                : throw new TemplateException($"{label}: {key}: the path \"{absolute}\" does not exist");
        }

        /// <summary>apps[i].resourcesPaths > appDirPath/.dapr/resources > common.resourcesPaths > ~/.dapr/components.</summary>
        private List<string> ChooseResourcesPaths(AppYaml app)
        {
            if (app.ResourcesPaths is { Count: > 0 }) return app.ResourcesPaths;
            var local = Path.Combine(app.AppDirPath!, ".dapr", "resources");
            if (Path.Exists(local)) return [local];
            if (_common.ResourcesPaths is { Count: > 0 }) return _common.ResourcesPaths;
            // The CLI passes ~/.dapr/components even when `dapr init` never created it (daprd then fails); without an
            // install there is nothing to load, so a missing default means no resources.
            var installed = Path.Combine(DaprInstallDirectory(app.RuntimePath), "components");
            return Path.Exists(installed) ? [installed] : [];
        }

        /// <summary>apps[i].configFilePath > appDirPath/.dapr/config.yaml > common.configFilePath > ~/.dapr/config.yaml.</summary>
        private string? ChooseConfigFile(AppYaml app)
        {
            if (!string.IsNullOrEmpty(app.ConfigFilePath)) return app.ConfigFilePath;
            var local = Path.Combine(app.AppDirPath!, ".dapr", "config.yaml");
            if (Path.Exists(local)) return local;
            if (!string.IsNullOrWhiteSpace(_common.ConfigFilePath)) return _common.ConfigFilePath;
            var installed = Path.Combine(DaprInstallDirectory(app.RuntimePath), "config.yaml");
            return Path.Exists(installed) ? installed : null;
        }

        /// <summary>standalone.GetDaprRuntimePath: runtimePath/.dapr, else $DAPR_RUNTIME_PATH/.dapr, else ~/.dapr.</summary>
        private string DaprInstallDirectory(string? runtimePath)
        {
            if (!string.IsNullOrWhiteSpace(runtimePath)) return Path.Combine(runtimePath.Trim(), ".dapr");
            var fromEnvironment = environment("DAPR_RUNTIME_PATH")?.Trim();
            return Path.Combine(string.IsNullOrEmpty(fromEnvironment) ? HomeDirectory() : fromEnvironment, ".dapr");
        }

        private string HomeDirectory() =>
            environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        /// <summary>mergeCommonAndAppsSharedRunConfig: every shared key the app leaves at its zero value comes from common.</summary>
        private void MergeCommonInto(AppYaml app)
        {
            foreach (var key in SharedKeys)
            {
                if (IsZero(key.GetValue(app))) key.SetValue(app, key.GetValue(_common));
            }
        }

        private static bool IsZero(object? value) => value is null or "" or 0 or false;

        private static TemplateApp ToTemplateApp(AppYaml app)
        {
            // setDefaultFields: the app id defaults to the base name of appDirPath; log destinations default and are checked.
            var appId = string.IsNullOrEmpty(app.AppId) ? Path.GetFileName(app.AppDirPath!) : app.AppId;
            return new TemplateApp
            {
                AppId = appId,
                AppDirPath = app.AppDirPath!,
                Command = app.Command ?? [],
                Env = app.Env!.ToDictionary(pair => pair.Key, pair => pair.Value ?? ""),
                AppPort = Math.Max(app.AppPort, 0),
                AppChannelAddress = app.AppChannelAddress,
                AppProtocol = app.AppProtocol,
                DaprHttpPort = Math.Max(app.DaprHttpPort, 0),
                DaprGrpcPort = Math.Max(app.DaprGrpcPort, 0),
                DaprInternalGrpcPort = Math.Max(app.DaprInternalGrpcPort, 0),
                MetricsPort = Math.Max(app.MetricsPort, 0),
                ResourcesPaths = app.ResourcesPaths ?? [],
                ConfigFilePath = app.ConfigFilePath,
                ApiListenAddresses = app.ApiListenAddresses,
                LogLevel = app.LogLevel,
                MaxBodySize = app.MaxBodySize,
                DaprHttpMaxRequestSize = app.DaprHttpMaxRequestSize,
                EnableAppHealthCheck = app.EnableAppHealthCheck,
                AppHealthCheckPath = app.AppHealthCheckPath,
                AppHealthProbeInterval = app.AppHealthProbeInterval,
                AppHealthProbeTimeout = app.AppHealthProbeTimeout,
                AppHealthThreshold = app.AppHealthThreshold,
                EnableApiLogging = app.EnableApiLogging,
                AppLogDestination = ParseDestination(app.AppLogDestination, LogDestination.FileAndConsole, appId, "appLogDestination"),
                DaprdLogDestination = ParseDestination(app.DaprdLogDestination, LogDestination.File, appId, "daprdLogDestination"),
            };
        }

        private static LogDestination ParseDestination(string? text, LogDestination defaultValue, string appId, string key) =>
            string.IsNullOrEmpty(text)
                ? defaultValue
                : LogDestinations.Parse(text) ?? throw new TemplateException($"app \"{appId}\": {key}: invalid log destination type: {text}");

        private static void RejectDuplicateAppIds(List<TemplateApp> apps)
        {
            foreach (var group in apps.GroupBy(app => app.AppId).Where(group => group.Count() > 1))
                throw new TemplateException($"app id \"{group.Key}\" is used by {group.Count()} apps (appDirPath {string.Join(", ", group.Select(app => app.AppDirPath))}); app ids must be unique");
        }

        private static void RejectDuplicatePorts(List<TemplateApp> apps)
        {
            var owners = new Dictionary<int, string>();
            foreach (var app in apps)
            {
                foreach (var (key, port) in new[]
                {
                    ("appPort", app.AppPort), ("daprHTTPPort", app.DaprHttpPort), ("daprGRPCPort", app.DaprGrpcPort),
                    ("daprInternalGRPCPort", app.DaprInternalGrpcPort), ("metricsPort", app.MetricsPort),
                })
                {
                    if (port == 0) continue;
                    var owner = $"{key} of app \"{app.AppId}\"";
                    if (!owners.TryAdd(port, owner))
                        throw new TemplateException($"app \"{app.AppId}\": {key}: port {port} is already the {owners[port]}");
                }
            }
        }
    }
}
