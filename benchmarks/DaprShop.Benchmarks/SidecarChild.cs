using Microsoft.Extensions.Logging;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Benchmarks;

/// <summary>
/// A sidecar process (<c>serve-sidecar</c> mode), started through <see cref="SidecarHost.StartAsync"/> exactly as the
/// sidecar's CLI does, on free ports. With <c>--caller-app-id</c> it also hosts the calling sidecar, sharing one
/// process as the multi-app runner does, and reports that one's port. Ready once daprd's start-up has finished.
/// </summary>
public static class SidecarChild
{
    private static readonly string[] Flags = ["--app-id", "--app-port", "--resources-path", "--caller-app-id", "--caller-resources-path"];

    public static IReadOnlyList<string> Arguments(string appId, int? appPort, string resourcesPath) =>
        appPort is { } port
            ? ["serve-sidecar", "--app-id", appId, "--app-port", port.ToString(), "--resources-path", resourcesPath]
            : ["serve-sidecar", "--app-id", appId, "--resources-path", resourcesPath];

    public static IReadOnlyList<string> PairArguments(string appId, int appPort, string resourcesPath, string callerAppId, string callerResourcesPath) =>
        [.. Arguments(appId, appPort, resourcesPath), "--caller-app-id", callerAppId, "--caller-resources-path", callerResourcesPath];

    public static async Task<int> ServeAsync(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        using var loggerFactory = ChildLogging.CreateFactory();
        await using var shared = new SharedResources();
        await using var sidecar = await StartAsync(
            flags.RequiredString("--app-id"), flags.OptionalInt("--app-port"), flags.RequiredString("--resources-path"), shared, loggerFactory);
        await using var caller = flags.String("--caller-app-id") is { } callerAppId
            ? await StartAsync(callerAppId, null, flags.RequiredString("--caller-resources-path"), shared, loggerFactory)
            : null;
        var entry = caller ?? sidecar;
        await ChildProtocol.ServeUntilParentLeavesAsync(entry.HttpPort, entry.InternalPort);
        return 0;
    }

    private static async Task<SidecarHost> StartAsync(
        string appId, int? appPort, string resourcesPath, SharedResources shared, ILoggerFactory loggerFactory)
    {
        var options = new SidecarOptions
        {
            AppId = appId,
            AppPort = appPort,
            DaprHttpPort = 0,
            DaprInternalPort = 0,
            ResourcesPaths = [resourcesPath],
            WorkingDirectory = resourcesPath,
        };
        var sidecar = await SidecarHost.StartAsync(options, shared, loggerFactory, CancellationToken.None);
        await sidecar.WaitUntilReadyAsync(CancellationToken.None);
        return sidecar;
    }
}
