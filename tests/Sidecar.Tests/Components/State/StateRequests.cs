using System.Text;
using DaprShop.Sidecar.Components.State;

namespace DaprShop.Sidecar.Tests.Components.State;

/// <summary>Builders and races shared by the tests of every state store.</summary>
internal static class StateRequests
{
    private static readonly Dictionary<string, string> NoMetadata = new();

    public static StateSetRequest Set(string key, string json, string? etag = null,
        StateConcurrency concurrency = StateConcurrency.LastWrite, Dictionary<string, string>? metadata = null) =>
        new(key, Encoding.UTF8.GetBytes(json), etag, concurrency, metadata ?? NoMetadata);

    public static StateDeleteRequest Delete(string key, string? etag = null, StateConcurrency concurrency = StateConcurrency.LastWrite) =>
        new(key, etag, concurrency, NoMetadata);

    /// <summary>Runs <paramref name="writers"/> writes in parallel and counts those not refused with an ETag mismatch.</summary>
    public static async Task<int> WinnersAsync(int writers, Func<int, Task> write)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await write(i);
                return true;
            }
            catch (StateETagMismatchException)
            {
                return false;
            }
        })));
        return results.Count(won => won);
    }
}
