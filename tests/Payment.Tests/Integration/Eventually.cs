namespace DaprShop.Payment.Tests.Integration;

/// <summary>Waits for a condition that other processes (sidecars, reminders, the broker) make true, instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(PollInterval, timeout.Token);
        }
    }
}
