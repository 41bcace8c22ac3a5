namespace DaprShop.Notification.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails after <paramref name="timeout"/> (30 s), a bound for a stuck system, not a timing claim.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(100);
        }
    }
}
