namespace DaprShop.Ordering.Tests.Integration;

public static class Eventually
{
    /// <summary>Polls until <paramref name="read"/> gives a value the condition accepts; fails after <paramref name="timeout"/> (60 s), a bound for a stuck system, not a timing claim.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"the condition did not hold in time; last value: {value}");
            await Task.Delay(100);
        }
    }
}
