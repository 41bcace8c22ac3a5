using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Benchmarks;

/// <summary>
/// Stock reservations as checkout makes them, through the inventory app's sidecar (actor API): each connection reserves
/// one unit under a new reservation id, then releases it, round-robin over the given SKUs. Releasing keeps the SKU's
/// open reservations as few as real checkouts, which commit or release theirs, keep them. Latency is the reserve
/// call's; throughput counts reservations (each with its release).
/// </summary>
public sealed class ReservationLoad(HttpClient client, Uri inventorySidecar, IReadOnlyList<string> skus)
{
    private static readonly TimeSpan ReservationTtl = TimeSpan.FromMinutes(10);

    private long _issued;
    private long _completed;
    private long _failed;

    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);

    public async Task<LoadResult> RunAsync(int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections)
            .Select(_ => Task.Run(() => RunConnectionAsync(stopAt, cancellationToken), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        var latencies = perConnection.SelectMany(list => list).ToArray();
        return new LoadResult(skus.Count == 1 ? "reservations on one SKU" : $"reservations over {skus.Count} SKUs",
            LatencySummary.FromTicks(latencies), latencies.Length, Failed, elapsed, DispatchLateness: null);
    }

    private async Task<List<long>> RunConnectionAsync(long stopAt, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(capacity: 65_536);
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < stopAt)
        {
            var sequence = Interlocked.Increment(ref _issued);
            var sku = skus[(int)(sequence % skus.Count)];
            var reservationId = $"bench-{sequence}-{Guid.NewGuid():N}";
            var sent = Stopwatch.GetTimestamp();
            if (await CallAsync(sku, nameof(IStockItemActor.Reserve), new ReserveStock(reservationId, 1, ReservationTtl), ReservationStatus.Reserved, cancellationToken))
            {
                latencies.Add(Stopwatch.GetTimestamp() - sent);
                if (!await CallAsync(sku, nameof(IStockItemActor.Release), new ReservationReference(reservationId), ReservationStatus.Released, cancellationToken))
                    Interlocked.Increment(ref _failed);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
            Interlocked.Increment(ref _completed);
        }
        return latencies;
    }

    private async Task<bool> CallAsync<TArgument>(string sku, string method, TArgument argument, ReservationStatus expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(inventorySidecar, $"/v1.0/actors/{IStockItemActor.TypeName}/{sku}/method/{method}"))
        {
            Content = JsonContent.Create(argument),
        };
        request.Headers.Add("dapr-api-token", Testing.ShopRun.DaprApiToken);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return false;
            var outcome = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return outcome.GetProperty("status").GetString() == expected.ToString();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
