using System.Diagnostics;

namespace DaprShop.Sidecar.Tests.Runner;

/// <summary>Waits for a condition that another process brings about and no event announces.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string description)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting until {description}");
            await Task.Delay(20);
        }
    }
}
