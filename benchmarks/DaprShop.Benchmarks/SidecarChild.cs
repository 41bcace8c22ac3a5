using Microsoft.Extensions.Logging;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Benchmarks;

/// <summary>
/// A sidecar process (<c>serve-sidecar</c> mode), started through <see cref="SidecarHost.StartAsync"/> exactly as the
/// sidecar's CLI does, on free ports unless told its HTTP port. With <c>--caller-app-id</c> it also hosts the calling
/// sidecar, sharing one process as the multi-app runner does, and reports that one's port. Ready once daprd's
/// start-up has finished.
/// </summary>
public static class SidecarChild
{
    private static readonly string[] Flags =
        ["--app-id", "--app-port", "--dapr-http-port", "--resources-path", "--caller-app-id", "--caller-resources-path"];

    /// <summary>One sidecar: its app id, its app's port if it has an app, its HTTP port if it must be a known one.</summary>
    public sealed record Settings(string AppId, int? AppPort, int? DaprHttpPort, string ResourcesPath);

    public static IReadOnlyList<string> Arguments(Settings sidecar) =>
    [
        "serve-sidecar", "--app-id", sidecar.AppId, "--resources-path", sidecar.ResourcesPath,
        .. sidecar.AppPort is { } appPort ? ["--app-port", appPort.ToString()] : Array.Empty<string>(),
        .. sidecar.DaprHttpPort is { } httpPort ? ["--dapr-http-port", httpPort.ToString()] : Array.Empty<string>(),
    ];

    /// <summary>The app's sidecar and, in the same process, the caller's (which takes free ports and no app).</summary>
    public static IReadOnlyList<string> PairArguments(Settings appSidecar, Settings callerSidecar) =>
        [.. Arguments(appSidecar), "--caller-app-id", callerSidecar.AppId, "--caller-resources-path", callerSidecar.ResourcesPath];

    public static async Task<int> ServeAsync(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        using var loggerFactory = ChildLogging.CreateFactory();
        await using var shared = new SharedResources();
        await using var sidecar = await StartAsync(
            new Settings(flags.RequiredString("--app-id"), flags.OptionalInt("--app-port"), flags.OptionalInt("--dapr-http-port"),
                flags.RequiredString("--resources-path")),
            shared, loggerFactory);
        await using var caller = flags.String("--caller-app-id") is { } callerAppId
            ? await StartAsync(new Settings(callerAppId, AppPort: null, DaprHttpPort: null, flags.RequiredString("--caller-resources-path")), shared, loggerFactory)
            : null;
        var entry = caller ?? sidecar;
        await ChildProtocol.ServeUntilParentLeavesAsync(entry.HttpPort, entry.InternalPort);
        return 0;
    }

    private static async Task<SidecarHost> StartAsync(Settings settings, SharedResources shared, ILoggerFactory loggerFactory)
    {
        var options = new SidecarOptions
        {
            AppId = settings.AppId,
            AppPort = settings.AppPort,
            DaprHttpPort = settings.DaprHttpPort ?? 0,
            DaprInternalPort = 0,
            ResourcesPaths = [settings.ResourcesPath],
            WorkingDirectory = settings.ResourcesPath,
        };
        var sidecar = await SidecarHost.StartAsync(options, shared, loggerFactory, CancellationToken.None);
        await sidecar.WaitUntilReadyAsync(CancellationToken.None);
        return sidecar;
    }
}
