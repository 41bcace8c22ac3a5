using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>
/// A test fixture around <see cref="ShopRun"/>: the whole shop started from this test run's build output, with the
/// gateway's rate limits raised so tests that log in and write many times are not throttled (the rate limits have
/// tests of their own).
/// </summary>
public class MultiAppRun : IAsyncLifetime
{
    public const string DaprApiToken = ShopRun.DaprApiToken;

    private readonly ShopRun _run;

    public MultiAppRun()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="overrides">Configuration for every app on top of <see cref="TestEnvironment"/>, for a fixture of its own.</param>
    protected MultiAppRun(IReadOnlyDictionary<string, string> overrides)
    {
        var environment = new Dictionary<string, string>(TestEnvironment);
        foreach (var (name, value) in overrides) environment[name] = value;
        _run = new ShopRun(BuildConfiguration, environment);
    }

    public ShopRun Run => _run;

    public string RepositoryRoot => _run.RepositoryRoot;
    public string WorkDirectory => _run.WorkDirectory;
    public string DataDirectory => _run.DataDirectory;
    public IReadOnlyList<ShopRun.TemplateApp> Apps => _run.Apps;
    public HttpClient Http => _run.Http;
    public Uri Gateway => _run.Gateway;
    public string Output => _run.Output;

    /// <summary>Configuration overrides every app of the run gets.</summary>
    public static IReadOnlyDictionary<string, string> TestEnvironment { get; } = new Dictionary<string, string>
    {
        ["Gateway__RateLimits__Login__PermitLimit"] = "1000000",
        ["Gateway__RateLimits__Writes__PermitLimit"] = "1000000",
    };

    public Task InitializeAsync() => _run.StartAsync();

    public Task DisposeAsync() => _run.DisposeAsync().AsTask();

    public Task<int> StopAsync(TimeSpan timeout) => _run.StopAsync(timeout);

    public HttpClient SidecarClient(ShopRun.TemplateApp app) => _run.SidecarClient(app);

    internal static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
