using System.Text;
using System.Threading.Channels;
using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Stripe.Webhooks;
using DaprShop.Payment.Webhooks;

namespace DaprShop.Payment.Simulated;

/// <summary>
/// Sends the simulated provider's events the way Stripe sends webhooks: signed with <c>stripe-webhook-secret</c>
/// (<see cref="EventUtility.GenerateSignatureHeader"/>) at send time, POSTed to <c>/webhooks/stripe</c>, retried with
/// backoff until a 2xx. It posts through this app's own sidecar (service invocation to app id <c>payment</c>), so the
/// event takes the path and checks of any other caller (sidecar, app API token, signature verification) and the app
/// need not know its own address or any replica's; out of band of the request that caused it, as Stripe's are.
/// A delivered event leaves the <see cref="SimulatedWebhookOutbox"/> with its bucket's next write; at start-up, what
/// a crash left there is sent.
/// </summary>
public sealed class SimulatedWebhookDelivery(
    DaprClient dapr, SimulatedWebhookOutbox outbox, PaymentSecrets secrets, TimeProvider clock, ILogger<SimulatedWebhookDelivery> logger)
    : BackgroundService
{
    private const int MaxAttempts = 12;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SidecarWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeliveredRemovalInterval = TimeSpan.FromSeconds(5);

    private readonly Channel<(int Bucket, SimulatedWebhookOutbox.PendingWebhook Webhook)> _queue =
        Channel.CreateUnbounded<(int, SimulatedWebhookOutbox.PendingWebhook)>();
    private readonly SemaphoreSlim _concurrentDeliveries = new(16, 16);

    public void Enqueue(int bucket, SimulatedWebhookOutbox.PendingWebhook webhook) => _queue.Writer.TryWrite((bucket, webhook));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueLeftoversAsync(stoppingToken);
        await Task.WhenAll(DeliverQueuedAsync(stoppingToken), RemoveDeliveredPeriodicallyAsync(stoppingToken));
    }

    private async Task DeliverQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var (bucket, webhook) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await _concurrentDeliveries.WaitAsync(stoppingToken);
            _ = DeliverAsync(bucket, webhook, stoppingToken);
        }
    }

    /// <summary>Delivered events mostly leave with the next request's write; this removes those in buckets no request wrote since.</summary>
    private async Task RemoveDeliveredPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(DeliveredRemovalInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await outbox.RemoveDeliveredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or DaprException)
            {
                // Still listed: retried next tick, and a restart before that sends them again, which the receiver dedupes.
                logger.LogWarning("Could not remove delivered simulated webhooks from the outbox yet ({Error})", exception.Message);
            }
        }
    }

    /// <summary>Waits for the sidecar as long as it takes: the leftovers are the reason this outbox exists.</summary>
    private async Task RequeueLeftoversAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var leftovers = await outbox.ReadAllAsync(stoppingToken);
                foreach (var (bucket, webhook) in leftovers) Enqueue(bucket, webhook);
                if (leftovers.Count > 0) logger.LogInformation("Resending {Count} simulated webhooks left undelivered by an earlier run", leftovers.Count);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or DaprException)
            {
                logger.LogWarning("Could not read the undelivered simulated webhooks yet ({Error}); retrying", exception.Message);
                await Task.Delay(SidecarWait, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(int bucket, SimulatedWebhookOutbox.PendingWebhook webhook, CancellationToken stoppingToken)
    {
        try
        {
            var delay = FirstRetryDelay;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                if (await TrySendAsync(webhook.Json, stoppingToken))
                {
                    outbox.MarkDelivered(bucket, webhook.EventId);
                    return;
                }

                await Task.Delay(delay, stoppingToken);
                delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
            }

            logger.LogError("Gave up delivering simulated webhook {EventId} after {Attempts} attempts; the next start sends it again", webhook.EventId, MaxAttempts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the event stays in the outbox for the next start.
        }
        finally
        {
            _concurrentDeliveries.Release();
        }
    }

    private async Task<bool> TrySendAsync(string eventJson, CancellationToken stoppingToken)
    {
        try
        {
            var secret = await secrets.GetAsync(PaymentSecrets.WebhookSecret, stoppingToken);
            using var request = dapr.CreateInvokeMethodRequest(HttpMethod.Post, AppIds.Payment, StripeWebhookApi.Path.TrimStart('/'));
            request.Content = new StringContent(eventJson, Encoding.UTF8, "application/json");
            request.Headers.Add(EventUtility.SignatureHeader, EventUtility.GenerateSignatureHeader(eventJson, secret, clock.GetUtcNow()));
            using var response = await dapr.InvokeMethodWithResponseAsync(request, stoppingToken);
            if (response.IsSuccessStatusCode) return true;
            logger.LogWarning("A simulated webhook was answered {Status}; retrying", (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or DaprException)
        {
            logger.LogWarning("A simulated webhook could not be sent ({Error}); retrying", exception.Message);
        }

        return false;
    }
}
