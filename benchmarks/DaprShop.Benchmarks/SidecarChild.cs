using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;

namespace DaprShop.Benchmarks;

/// <summary>
/// One sidecar in its own process (<c>serve-sidecar</c> mode), started through <see cref="SidecarHost.StartAsync"/>
/// exactly as the sidecar's CLI does, on free ports. Reports ready once daprd's start-up sequence has finished.
/// </summary>
public static class SidecarChild
{
    private static readonly string[] Flags = ["--app-id", "--app-port", "--resources-path"];

    public static IReadOnlyList<string> Arguments(string appId, int? appPort, string resourcesPath) =>
        appPort is { } port
            ? ["serve-sidecar", "--app-id", appId, "--app-port", port.ToString(), "--resources-path", resourcesPath]
            : ["serve-sidecar", "--app-id", appId, "--resources-path", resourcesPath];

    public static async Task<int> ServeAsync(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var resourcesPath = flags.RequiredString("--resources-path");
        var options = new SidecarOptions
        {
            AppId = flags.RequiredString("--app-id"),
            AppPort = flags.OptionalInt("--app-port"),
            DaprHttpPort = 0,
            DaprInternalPort = 0,
            ResourcesPaths = [resourcesPath],
            WorkingDirectory = resourcesPath,
        };
        using var loggerFactory = ChildLogging.CreateFactory();
        await using var shared = new SharedResources();
        await using var sidecar = await SidecarHost.StartAsync(options, shared, loggerFactory, CancellationToken.None);
        await sidecar.WaitUntilReadyAsync(CancellationToken.None);
        await ChildProtocol.ServeUntilParentLeavesAsync(sidecar.HttpPort, sidecar.InternalPort);
        return 0;
    }
}
