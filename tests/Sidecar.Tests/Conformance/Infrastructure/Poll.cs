using System.Diagnostics;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>
/// Waiting by polling with a deadline: the suite never sleeps for a fixed time and hopes. Positive conditions return
/// as soon as they hold; negative ones ("no redelivery") are watched for a bounded window and fail the moment they break.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"{what}: not reached within {limit.TotalSeconds:0.#}s (last value: {Describe(value)})");
            await Task.Delay(Interval);
        }
    }

    public static Task<T> UntilAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(probe()), done, what, timeout);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), value => value, what, timeout);

    /// <summary>Watches <paramref name="condition"/> for the whole window and fails as soon as it becomes false.</summary>
    /// <param name="state">Describes the observed state in the failure message (evaluated when it fails).</param>
    public static async Task StaysTrueAsync(Func<bool> condition, TimeSpan window, string what, Func<string>? state = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (!condition())
                throw new Xunit.Sdk.XunitException($"{what}: broke after {clock.ElapsedMilliseconds} ms{(state is null ? "" : $" ({state()})")}");
            if (clock.Elapsed >= window) return;
            await Task.Delay(Interval);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.ICollection collection => $"{collection.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
