namespace DaprShop.Benchmarks;

/// <summary>Where a finished report goes: standard output always, and the <c>--out</c> file when one was given.</summary>
public static class ReportOutput
{
    public static async Task PublishAsync(string report, string? outputFile, CancellationToken cancellationToken)
    {
        Console.WriteLine(report);
        if (outputFile is null) return;
        await File.WriteAllTextAsync(outputFile, report, cancellationToken);
        await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(outputFile)}");
    }
}
