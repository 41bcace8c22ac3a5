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
/// </summary>
public sealed class SimulatedWebhookDelivery(DaprClient dapr, PaymentSecrets secrets, TimeProvider clock, ILogger<SimulatedWebhookDelivery> logger)
    : BackgroundService
{
    private const int MaxAttempts = 12;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _concurrentDeliveries = new(16, 16);

    public void Enqueue(string eventJson) => _queue.Writer.TryWrite(eventJson);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var eventJson in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await _concurrentDeliveries.WaitAsync(stoppingToken);
            _ = DeliverAsync(eventJson, stoppingToken);
        }
    }

    private async Task DeliverAsync(string eventJson, CancellationToken stoppingToken)
    {
        try
        {
            var delay = FirstRetryDelay;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                if (await TrySendAsync(eventJson, stoppingToken)) return;
                await Task.Delay(delay, stoppingToken);
                delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
            }

            logger.LogError("Gave up delivering a simulated webhook after {Attempts} attempts", MaxAttempts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the event is lost with the process, as an undelivered webhook is when Stripe gives up.
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
