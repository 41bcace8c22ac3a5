using System.Text;
using DaprShop.Sidecar.Cli;

namespace DaprShop.Sidecar.Runner;

/// <summary>The table printed once every app and sidecar of a run is ready.</summary>
internal static class ReadySummary
{
    public static void Write(IReadOnlyList<RunningApp> apps, TimeSpan startTime, SynchronizedLineWriter console)
    {
        string[] header = ["APP ID", "APP URL", "DAPR HTTP", "SWAGGER"];
        var rows = apps.Select(app =>
        {
            var appUrl = app.Plan.App.AppPort > 0 ? $"{app.Plan.Sidecar.AppProtocol}://localhost:{app.Plan.App.AppPort}" : "-";
            return new[] { app.AppId, appUrl, app.Sidecar.HttpEndpoint.ToString().TrimEnd('/'), appUrl == "-" ? "-" : appUrl + "/swagger" };
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => rows.Append(header).Max(row => row[column].Length) + 2).ToArray();

        console.Info($"You're up and running! {apps.Count} apps and their sidecars are ready after {startTime.TotalSeconds:0.0}s. Press Ctrl+C to stop.");
        foreach (var row in rows.Prepend(header))
        {
            var line = new StringBuilder("  ");
            for (var column = 0; column < row.Length; column++) line.Append(row[column].PadRight(widths[column]));
            console.WriteLine(line.ToString().TrimEnd());
        }
    }
}
