using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DaprShop.Payment.Stripe;

/// <summary>
/// Sends requests to Stripe's REST API as Stripe.net does: bearer API key, pinned <c>Stripe-Version</c>, form-encoded
/// POST bodies with an <c>Idempotency-Key</c>, and up to <see cref="StripeClientOptions.MaxNetworkRetries"/> retries
/// (connection errors and timeouts, <c>Stripe-Should-Retry: true</c>, 409, 5xx) with the same key, so a retry can
/// never perform the operation twice.
/// </summary>
public sealed class StripeHttpTransport(HttpClient http, StripeClientOptions options, string apiKey, ILogger<StripeHttpTransport> logger)
{
    public async Task<T> PostAsync<T>(string path, object requestOptions, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var form = FormEncoder.Encode(requestOptions);
        return await SendAsync<T>(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, path))
            {
                Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
                Headers = { { "Idempotency-Key", idempotencyKey } },
            },
            cancellationToken);
    }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, new Uri(options.BaseUrl, path)), cancellationToken);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            using var request = createRequest();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            request.Headers.Add("Stripe-Version", StripeClientOptions.ApiVersion);
            var mayRetry = retry < options.MaxNetworkRetries;
            HttpResponseMessage response;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Timeout);
                response = await http.SendAsync(request, timeout.Token);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (!mayRetry)
                {
                    // As Stripe.net: no answer at all is still a StripeException, with no HTTP status (0).
                    throw new StripeException(default, new StripeError
                    {
                        Type = StripeErrorTypes.ApiError, Code = "connection_error", Message = $"Stripe could not be reached: {exception.Message}",
                    });
                }

                logger.LogWarning("Stripe request {Method} {Path} failed to connect or timed out ({Error}); retrying", request.Method, request.RequestUri!.AbsolutePath, exception.Message);
                await Task.Delay(DelayBefore(retry + 1), cancellationToken);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (mayRetry && ShouldRetry(response))
                {
                    logger.LogWarning("Stripe answered {Status} to {Method} {Path} (request {RequestId}); retrying", (int)response.StatusCode, request.Method, request.RequestUri!.AbsolutePath, RequestIdOf(response));
                    await Task.Delay(DelayBefore(retry + 1), cancellationToken);
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    logger.LogInformation("Stripe answered {Status} to {Method} {Path} (request {RequestId})", (int)response.StatusCode, request.Method, request.RequestUri!.AbsolutePath, RequestIdOf(response));
                }

                return StripeResponse.Read<T>(response.StatusCode, body);
            }
        }
    }

    /// <summary>Stripe's own hint wins; otherwise conflicts (a concurrent request with the same key) and server errors.</summary>
    private static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            return string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        }

        return response.StatusCode == HttpStatusCode.Conflict || (int)response.StatusCode >= 500;
    }

    /// <summary>Initial delay doubled per retry, capped, times a jitter of 0.75–1.0 (Stripe.net's backoff).</summary>
    private TimeSpan DelayBefore(int retry)
    {
        var delay = options.InitialNetworkRetryDelay * Math.Pow(2, retry - 1);
        if (delay > options.MaxNetworkRetryDelay) delay = options.MaxNetworkRetryDelay;
        return delay * (0.75 + (Random.Shared.NextDouble() * 0.25));
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values) ? values.FirstOrDefault() : null;
}
