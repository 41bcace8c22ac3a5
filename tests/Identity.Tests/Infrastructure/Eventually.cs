namespace DaprShop.Identity.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds (pub/sub delivers asynchronously); fails after a generous deadline.</summary>
    public static async Task HoldsAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}
