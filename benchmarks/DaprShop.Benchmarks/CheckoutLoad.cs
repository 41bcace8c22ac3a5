using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Testing;

namespace DaprShop.Benchmarks;

/// <summary>
/// Shoppers checking out over and over through the gateway, each a closed loop: checkout of a one-unit cart with a new
/// Idempotency-Key, read the order first when the shopper's previous checkout took to be paid and then every
/// <see cref="PollInterval"/> until it is final, and when Paid put one unit back in the cart (the workflow empties the
/// cart before it marks the order Paid). Latency runs from just before the checkout POST to the time the order's
/// timeline gives for Paid (the shop's clock, on this machine), so it does not depend on when the shopper's read sees it;
/// polling 20 times a second to measure it instead would add a thousand reads a second to the load. Throughput counts
/// paid checkouts. Anything else (a refused checkout, a Failed order, no answer) is an error, counted by kind.
/// </summary>
public sealed class CheckoutLoad(ShopSetup shop, IReadOnlyList<string> shoppers, string sku)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan OrderDeadline = TimeSpan.FromMinutes(1);
    private static readonly string[] FinalStatuses = ["Paid", "Failed"];

    private long _completed;
    private long _failed;

    public int ShopperCount => shoppers.Count;

    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Where each paid checkout's time went, by the shopper's clock and the order's timeline.</summary>
    public ConcurrentBag<CheckoutStages> Stages { get; } = [];

    /// <summary>Errors by kind ("checkout 503", "order Failed", "TimeoutException").</summary>
    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public async Task<LoadResult> RunAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perShopper = await Task.WhenAll(shoppers.Select(shopper => Task.Run(() => RunShopperAsync(shopper, stopAt, cancellationToken), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        var latencies = perShopper.SelectMany(list => list).ToArray();
        return new LoadResult(name, LatencySummary.FromDurations(latencies), latencies.Length, Failed, elapsed, DispatchLateness: null);
    }

    private async Task<List<TimeSpan>> RunShopperAsync(string accessToken, long stopAt, CancellationToken cancellationToken)
    {
        var latencies = new List<TimeSpan>();
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < stopAt)
        {
            var sent = DateTimeOffset.UtcNow;
            var firstRead = latencies.Count == 0 ? TimeSpan.Zero : latencies[^1];
            var (paidAt, error) = await CheckOutUntilPaidAsync(accessToken, sent, firstRead, cancellationToken);
            if (error is not null)
            {
                Errors.AddOrUpdate(error, 1, (_, count) => count + 1);
                Interlocked.Increment(ref _failed);
            }
            else
            {
                latencies.Add(paidAt - sent);
                await RefillCartAsync(accessToken, cancellationToken);
            }
            Interlocked.Increment(ref _completed);
        }
        return latencies;
    }

    /// <returns>When the order was paid, by its timeline; else what went wrong.</returns>
    /// <param name="firstRead">How long after <paramref name="sent"/> to read the order first.</param>
    private async Task<(DateTimeOffset PaidAt, string? Error)> CheckOutUntilPaidAsync(
        string accessToken, DateTimeOffset sent, TimeSpan firstRead, CancellationToken cancellationToken)
    {
        try
        {
            Guid orderId;
            using (var response = await shop.SendCheckoutAsync(accessToken, "pm_card_visa", Guid.NewGuid().ToString(), cancellationToken))
            {
                if (response.StatusCode != HttpStatusCode.Accepted) return (default, $"checkout {(int)response.StatusCode}");
                orderId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("orderId").GetGuid();
            }
            var answered = DateTimeOffset.UtcNow;
            if (sent + firstRead - answered is { Ticks: > 0 } untilFirstRead) await Task.Delay(untilFirstRead, cancellationToken);
            var order = await shop.WaitForOrderAsync(accessToken, orderId, FinalStatuses, OrderDeadline, PollInterval, cancellationToken);
            if (order.GetProperty("status").GetString() != "Paid") return (default, "order Failed");
            var stages = CheckoutStages.Of(sent, answered, order);
            Stages.Add(stages);
            return (stages.PaidAt, null);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (default, error.GetType().Name);
        }
    }

    private async Task RefillCartAsync(string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            await shop.AddToCartAsync(accessToken, sku, 1, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            Errors.AddOrUpdate($"refilling the cart: {error.GetType().Name}", 1, (_, count) => count + 1);
        }
    }
}
