namespace DaprShop.Catalog.Tests.Integration;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; events travel asynchronously, so tests wait for their effect.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen in time");
            await Task.Delay(100);
        }
    }
}
