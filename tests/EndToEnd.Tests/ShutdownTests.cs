using System.Net.Sockets;

namespace DaprShop.EndToEnd.Tests;

[Collection(MultiAppRunCollection.Name)]
public sealed class ShutdownTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    [Fact]
    public async Task Stopping_the_run_stops_every_app_and_sidecar_and_leaves_no_process_behind()
    {
        var exitCode = await shop.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        foreach (var app in shop.Apps)
        {
            Assert.False(IsListening(app.AppPort), $"{app.AppId} still listens on {app.AppPort}");
            Assert.False(IsListening(app.DaprHttpPort), $"{app.AppId}'s sidecar still listens on {app.DaprHttpPort}");
        }
        Assert.Empty(ProcessesOfThisRun());
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Processes whose environment carries one of this run's Dapr ports, as every app started by the run does.</summary>
    private IEnumerable<int> ProcessesOfThisRun()
    {
        var markers = shop.Apps.Select(a => $"DAPR_HTTP_PORT={a.DaprHttpPort}\0").ToList();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            string environment;
            try
            {
                environment = File.ReadAllText(Path.Combine(directory, "environ"));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (markers.Any(environment.Contains)) yield return pid;
        }
    }
}
