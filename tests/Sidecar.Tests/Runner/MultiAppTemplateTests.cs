using DaprShop.Sidecar.Runner;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>Template resolution pinned to dapr/cli pkg/runfileconfig (run_file_config_parser.go and its tests).</summary>
public sealed class MultiAppTemplateTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_directory_means_the_dapr_yaml_inside_it()
    {
        _root.CreateDirectory("svc", "cart");
        var file = WriteTemplate("""
            version: 1
            apps:
              - appDirPath: ./svc/cart
            """);

        var template = Load(_root.Path);

        Assert.Equal(file, template.FilePath);
        Assert.Single(template.Apps);
    }

    [Fact]
    public void App_id_defaults_to_the_base_name_of_appDirPath_which_is_relative_to_the_template_not_the_working_directory()
    {
        _root.CreateDirectory("deploy");
        _root.CreateDirectory("services", "Catalog");
        _root.WriteFile("deploy/run.yaml", """
            version: 1
            apps:
              - appDirPath: ../services/Catalog/
              - appID: basket
                appDirPath: ../services/Catalog
                appPort: 5002
            """);

        var template = Load(_root.Combine("deploy", "run.yaml"));

        Assert.Equal("Catalog", template.Apps[0].AppId);
        Assert.Equal(_root.Combine("services", "Catalog"), template.Apps[0].AppDirPath);
        Assert.Equal("basket", template.Apps[1].AppId);
    }

    [Fact]
    public void Common_paths_resolve_against_the_template_and_app_paths_against_appDirPath()
    {
        var commonResources = _root.CreateDirectory("components");
        var commonConfig = _root.WriteFile("config.yaml", "kind: Configuration");
        var appDir = _root.CreateDirectory("apps", "cart");
        var appResources = _root.CreateDirectory("apps", "cart", "components");
        var appConfig = _root.WriteFile("apps/cart/cfg.yaml", "kind: Configuration");
        var absoluteResources = _root.CreateDirectory("elsewhere");
        WriteTemplate($"""
            version: 1
            common:
              resourcesPaths: [./components]
              configFilePath: config.yaml
            apps:
              - appDirPath: apps/cart
                resourcesPaths: [./components, {absoluteResources}]
                configFilePath: ./cfg.yaml
              - appID: other
                appDirPath: apps/cart
                appPort: 1
            """);

        var template = Load(_root.Path);

        Assert.Equal(appDir, template.Apps[0].AppDirPath);
        Assert.Equal([appResources, absoluteResources], template.Apps[0].ResourcesPaths);
        Assert.Equal(appConfig, template.Apps[0].ConfigFilePath);
        Assert.Equal([commonResources], template.Apps[1].ResourcesPaths);
        Assert.Equal(commonConfig, template.Apps[1].ConfigFilePath);
    }

    [Fact]
    public void A_leading_tilde_is_the_home_directory()
    {
        var home = _root.CreateDirectory("home");
        var components = _root.CreateDirectory("home", "components");
        _root.CreateDirectory("cart");
        WriteTemplate("""
            version: 1
            common:
              resourcesPaths: [~/components]
            apps:
              - appDirPath: cart
            """);

        var template = Load(_root.Path, new Dictionary<string, string> { ["HOME"] = home });

        Assert.Equal([components], template.Apps[0].ResourcesPaths);
    }

    [Fact]
    public void Resources_and_config_follow_the_CLI_precedence_app_then_dot_dapr_folder_then_common_then_the_dapr_install()
    {
        var commonResources = _root.CreateDirectory("common-components");
        var commonConfig = _root.WriteFile("common-config.yaml", "");
        _root.CreateDirectory("a", "own");
        _root.WriteFile("a/own.yaml", "");
        var bLocalResources = _root.CreateDirectory("b", ".dapr", "resources");
        var bLocalConfig = _root.WriteFile("b/.dapr/config.yaml", "");
        _root.CreateDirectory("c");
        WriteTemplate("""
            version: 1
            common:
              resourcesPaths: [common-components]
              configFilePath: common-config.yaml
            apps:
              - appDirPath: a
                resourcesPaths: [own]
                configFilePath: own.yaml
              - appDirPath: b
              - appDirPath: c
            """);

        var apps = Load(_root.Path).Apps;

        Assert.Equal([_root.Combine("a", "own")], apps[0].ResourcesPaths);
        Assert.Equal(_root.Combine("a", "own.yaml"), apps[0].ConfigFilePath);
        Assert.Equal([bLocalResources], apps[1].ResourcesPaths);
        Assert.Equal(bLocalConfig, apps[1].ConfigFilePath);
        Assert.Equal([commonResources], apps[2].ResourcesPaths);
        Assert.Equal(commonConfig, apps[2].ConfigFilePath);
    }

    [Fact]
    public void Without_any_other_choice_resources_and_config_come_from_the_dapr_install_when_it_exists()
    {
        var runtime = _root.CreateDirectory("runtime");
        var installedComponents = _root.CreateDirectory("runtime", ".dapr", "components");
        var installedConfig = _root.WriteFile("runtime/.dapr/config.yaml", "");
        _root.CreateDirectory("with-install");
        _root.CreateDirectory("without-install");
        WriteTemplate($"""
            version: 1
            apps:
              - appDirPath: with-install
                runtimePath: {runtime}
              - appDirPath: without-install
            """);

        var apps = Load(_root.Path, new Dictionary<string, string> { ["HOME"] = _root.CreateDirectory("empty-home") }).Apps;

        Assert.Equal([installedComponents], apps[0].ResourcesPaths);
        Assert.Equal(installedConfig, apps[0].ConfigFilePath);
        Assert.Empty(apps[1].ResourcesPaths);
        Assert.Null(apps[1].ConfigFilePath);
    }

    [Fact]
    public void The_deprecated_resourcesPath_is_appended_to_resourcesPaths()
    {
        var first = _root.CreateDirectory("cart", "one");
        var second = _root.CreateDirectory("cart", "two");
        WriteTemplate("""
            version: 1
            apps:
              - appDirPath: cart
                resourcesPath: two
                resourcesPaths: [one]
            """);

        Assert.Equal([first, second], Load(_root.Path).Apps[0].ResourcesPaths);
    }

    [Fact]
    public void Shared_keys_an_app_leaves_out_come_from_common_and_its_own_values_win()
    {
        _root.CreateDirectory("a");
        _root.CreateDirectory("b");
        WriteTemplate("""
            version: 1
            common:
              appProtocol: https
              logLevel: debug
              enableApiLogging: true
              appHealthProbeInterval: 7
              maxBodySize: 8Mi
              appLogDestination: console
            apps:
              - appDirPath: a
              - appDirPath: b
                appProtocol: http
                logLevel: warn
                appHealthProbeInterval: 2
                appLogDestination: file
            """);

        var apps = Load(_root.Path).Apps;

        Assert.Equal(("https", "debug", true, 7, "8Mi", LogDestination.Console),
            (apps[0].AppProtocol, apps[0].LogLevel, apps[0].EnableApiLogging, apps[0].AppHealthProbeInterval, apps[0].MaxBodySize, apps[0].AppLogDestination));
        Assert.Equal(("http", "warn", true, 2, "8Mi", LogDestination.File),
            (apps[1].AppProtocol, apps[1].LogLevel, apps[1].EnableApiLogging, apps[1].AppHealthProbeInterval, apps[1].MaxBodySize, apps[1].AppLogDestination));
    }

    [Fact]
    public void Env_is_the_union_of_common_and_app_env_with_the_app_winning()
    {
        _root.CreateDirectory("a");
        _root.CreateDirectory("b");
        WriteTemplate("""
            version: 1
            common:
              env:
                DEBUG: "false"
                tty: sts
            apps:
              - appDirPath: a
                env:
                  DEBUG: true
                  PORT: 5000
              - appDirPath: b
            """);

        var apps = Load(_root.Path).Apps;

        Assert.Equal(new Dictionary<string, string> { ["DEBUG"] = "true", ["PORT"] = "5000", ["tty"] = "sts" }, apps[0].Env);
        Assert.Equal(new Dictionary<string, string> { ["DEBUG"] = "false", ["tty"] = "sts" }, apps[1].Env);
    }

    [Fact]
    public void Log_destinations_default_to_file_and_console_for_the_app_and_file_for_the_sidecar()
    {
        _root.CreateDirectory("a");
        WriteTemplate("""
            version: 1
            apps:
              - appDirPath: a
            """);

        var app = Load(_root.Path).Apps[0];

        Assert.Equal((LogDestination.FileAndConsole, LogDestination.File), (app.AppLogDestination, app.DaprdLogDestination));
    }

    [Fact]
    public void Unknown_keys_and_keys_without_effect_here_are_ignored()
    {
        _root.CreateDirectory("a");
        WriteTemplate("""
            version: 1
            name: shop
            surprise: { nested: true }
            common:
              placementHostAddress: ""
              whatever: 1
            apps:
              - appDirPath: a
                containerImage: ghcr.io/x/y
                unixDomainSocket: /tmp
                notAKey: [1, 2]
            """);

        var template = Load(_root.Path);

        Assert.Equal("shop", template.Name);
        Assert.Equal("a", template.Apps[0].AppId);
    }

    [Theory]
    [InlineData("apps: []", "required field 'version' not found")]
    [InlineData("version: 1\napps: []", "No apps to run")]
    [InlineData("version: 1\napps:\n  - appID: cart\n    appPort: 5001", "app \"cart\": required field 'appDirPath' not found")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n  - appPort: 1", "apps[1]: required field 'appDirPath' not found")]
    [InlineData("version: 1\napps:\n  - appDirPath: missing", "app \"missing\": appDirPath: the path")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n    resourcesPaths: [nope]", "app \"a\": resourcesPaths: the path")]
    [InlineData("version: 1\ncommon:\n  configFilePath: nope.yaml\napps:\n  - appDirPath: a", "common: configFilePath: the path")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n  - appDirPath: ./a/", "app id \"a\" is used by 2 apps")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n    appPort: 5000\n  - appID: b\n    appDirPath: a\n    daprHTTPPort: 5000", "app \"b\": daprHTTPPort: port 5000 is already the appPort of app \"a\"")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n    appLogDestination: screen", "app \"a\": appLogDestination: invalid log destination type: screen")]
    [InlineData("version: 1\napps:\n  - appDirPath: a\n    appPort: five", "error in parsing the provided app config file")]
    public void Invalid_templates_are_rejected_naming_the_app_and_the_key(string yaml, string expectedMessage)
    {
        _root.CreateDirectory("a");
        WriteTemplate(yaml);

        var error = Assert.Throws<TemplateException>(() => Load(_root.Path));

        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_rejected()
    {
        var file = _root.WriteFile("dapr.json", "{}");

        var error = Assert.Throws<TemplateException>(() => Load(file));

        Assert.Contains("is not a YAML file", error.Message);
    }

    private string WriteTemplate(string yaml) => _root.WriteFile(MultiAppTemplate.DefaultFileName, yaml);

    private MultiAppTemplate Load(string path, IReadOnlyDictionary<string, string>? environment = null) =>
        MultiAppTemplate.Load(path, name => environment?.GetValueOrDefault(name) ?? (name == "HOME" ? _root.Combine("no-home") : null));
}
