using System.Net;
using DaprShop.Payment.Stripe;
using Microsoft.Extensions.Logging.Abstractions;
using static DaprShop.Payment.Tests.Stripe.FakeStripeServer;

namespace DaprShop.Payment.Tests.Stripe;

/// <summary>The real HTTP client against a local fake of Stripe's API: what goes on the wire, retries, errors.</summary>
public sealed class StripeHttpClientTests : IAsyncLifetime
{
    private const string ApiKey = "sk_test_123";
    private const string IntentJson = """{"id":"pi_123","object":"payment_intent","amount":4999,"currency":"usd","status":"succeeded","latest_charge":"ch_1","metadata":{"order_id":"A-1001"}}""";
    private const string DeclineJson = """
        {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.",
         "param":"payment_method","payment_intent":{"id":"pi_declined","amount":4999,"currency":"usd","status":"requires_payment_method",
         "last_payment_error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds"}}}}
        """;

    private FakeStripeServer _stripe = null!;
    private HttpClient _http = null!;
    private StripeHttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stripe = await StartAsync();
        _http = new HttpClient();
        var options = new StripeClientOptions { BaseUrl = _stripe.BaseAddress, InitialNetworkRetryDelay = TimeSpan.FromMilliseconds(10) };
        _client = new StripeHttpClient(new StripeHttpTransport(_http, options, ApiKey, NullLogger<StripeHttpTransport>.Instance));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task Create_posts_the_form_body_with_key_version_and_idempotency_key()
    {
        _stripe.Answer(new ScriptedResponse(200, IntentJson));

        var intent = await _client.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions { Amount = 4999, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true, Metadata = new() { ["order_id"] = "A-1001" } },
            "order-A-1001");

        Assert.Equal(("pi_123", PaymentIntentStatuses.Succeeded, 4999L, "ch_1"), (intent.Id, intent.Status, intent.Amount, intent.LatestCharge));
        Assert.Equal("A-1001", intent.Metadata["order_id"]);
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal(("POST", "/v1/payment_intents"), (request.Method, request.Path));
        Assert.Equal("amount=4999&currency=usd&payment_method=pm_card_visa&confirm=true&metadata[order_id]=A-1001", request.Body);
        Assert.Equal("Bearer " + ApiKey, request.Headers["Authorization"]);
        Assert.Equal(StripeClientOptions.ApiVersion, request.Headers["Stripe-Version"]);
        Assert.Equal("order-A-1001", request.Headers["Idempotency-Key"]);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Confirm_capture_and_cancel_post_to_the_intent_path()
    {
        _stripe.Answer(new ScriptedResponse(200, IntentJson));

        await _client.PaymentIntents.ConfirmAsync("pi_123", new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" }, "k1");
        await _client.PaymentIntents.CaptureAsync("pi_123", new PaymentIntentCaptureOptions { AmountToCapture = 1000 }, "k2");
        await _client.PaymentIntents.CancelAsync("pi_123", new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, "k3");

        Assert.Equal(
            [
                ("/v1/payment_intents/pi_123/confirm", "payment_method=pm_card_visa", "k1"),
                ("/v1/payment_intents/pi_123/capture", "amount_to_capture=1000", "k2"),
                ("/v1/payment_intents/pi_123/cancel", "cancellation_reason=abandoned", "k3"),
            ],
            _stripe.Requests.Select(request => (request.Path, request.Body, request.Headers["Idempotency-Key"])));
    }

    [Fact]
    public async Task Get_sends_no_body_and_no_idempotency_key()
    {
        _stripe.Answer(new ScriptedResponse(200, IntentJson));

        var intent = await _client.PaymentIntents.GetAsync("pi_123");

        Assert.Equal("pi_123", intent.Id);
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal(("GET", "/v1/payment_intents/pi_123", ""), (request.Method, request.Path, request.Body));
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
        Assert.Equal(StripeClientOptions.ApiVersion, request.Headers["Stripe-Version"]);
    }

    [Fact]
    public async Task Refund_create_posts_to_refunds()
    {
        _stripe.Answer(new ScriptedResponse(200, """{"id":"re_1","amount":300,"currency":"usd","payment_intent":"pi_123","status":"succeeded"}"""));

        var refund = await _client.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = "pi_123", Amount = 300, Reason = "requested_by_customer" }, "refund-1");

        Assert.Equal(("re_1", 300L, "succeeded"), (refund.Id, refund.Amount, refund.Status));
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal(("/v1/refunds", "payment_intent=pi_123&amount=300&reason=requested_by_customer", "refund-1"), (request.Path, request.Body, request.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task A_decline_becomes_a_card_error_carrying_the_intent_and_is_not_retried()
    {
        _stripe.Answer(new ScriptedResponse(402, DeclineJson));

        var exception = await Assert.ThrowsAsync<StripeException>(() =>
            _client.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions { Amount = 4999, Currency = "usd" }, "k"));

        Assert.Equal(HttpStatusCode.PaymentRequired, exception.HttpStatusCode);
        Assert.Equal(StripeErrorTypes.CardError, exception.StripeError.Type);
        Assert.Equal(("card_declined", "insufficient_funds", "Your card has insufficient funds.", "payment_method"),
            (exception.StripeError.Code, exception.StripeError.DeclineCode, exception.StripeError.Message, exception.StripeError.Param));
        Assert.Equal("pi_declined", exception.StripeError.PaymentIntent!.Id);
        Assert.Single(_stripe.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(409)]
    public async Task Retries_server_errors_and_conflicts_with_the_same_idempotency_key(int status)
    {
        _stripe.Answer(new ScriptedResponse(status, """{"error":{"type":"api_error","message":"try again"}}"""), new ScriptedResponse(200, IntentJson));

        var intent = await _client.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions { Amount = 4999, Currency = "usd" }, "order-1");

        Assert.Equal("pi_123", intent.Id);
        Assert.Equal(["order-1", "order-1"], _stripe.Requests.Select(request => request.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Retries_when_stripe_says_it_should_even_on_a_4xx()
    {
        _stripe.Answer(
            new ScriptedResponse(400, """{"error":{"type":"invalid_request_error"}}""", new Dictionary<string, string> { ["Stripe-Should-Retry"] = "true" }),
            new ScriptedResponse(200, IntentJson));

        await _client.PaymentIntents.GetAsync("pi_123");

        Assert.Equal(2, _stripe.Requests.Count);
    }

    [Fact]
    public async Task Does_not_retry_a_server_error_stripe_says_not_to_retry()
    {
        _stripe.Answer(new ScriptedResponse(500, """{"error":{"type":"api_error","message":"no"}}""", new Dictionary<string, string> { ["Stripe-Should-Retry"] = "false" }));

        var exception = await Assert.ThrowsAsync<StripeException>(() => _client.PaymentIntents.GetAsync("pi_123"));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.HttpStatusCode);
        Assert.Single(_stripe.Requests);
    }

    [Fact]
    public async Task Gives_up_after_two_retries_with_the_last_error()
    {
        _stripe.Answer(new ScriptedResponse(503, """{"error":{"type":"api_error","code":"overloaded","message":"busy"}}"""));

        var exception = await Assert.ThrowsAsync<StripeException>(() =>
            _client.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = "pi_123" }, "refund-1"));

        Assert.Equal(("api_error", "overloaded"), (exception.StripeError.Type, exception.StripeError.Code));
        Assert.Equal(3, _stripe.Requests.Count);
        Assert.All(_stripe.Requests, request => Assert.Equal("refund-1", request.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Does_not_retry_invalid_requests()
    {
        _stripe.Answer(new ScriptedResponse(400, """{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters"}}"""));

        var exception = await Assert.ThrowsAsync<StripeException>(() =>
            _client.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions { Amount = 1 }, "k"));

        Assert.Equal(StripeErrorTypes.IdempotencyError, exception.StripeError.Type);
        Assert.Single(_stripe.Requests);
    }

    [Fact]
    public async Task Retries_a_connection_failure_then_reports_it_as_a_stripe_exception()
    {
        var closedPort = DaprShop.Testing.FreePort.Next();
        var options = new StripeClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{closedPort}"), InitialNetworkRetryDelay = TimeSpan.FromMilliseconds(10) };
        var attempts = 0;
        using var counting = new HttpClient(new CountingHandler(() => attempts++));
        var client = new StripeHttpClient(new StripeHttpTransport(counting, options, ApiKey, NullLogger<StripeHttpTransport>.Instance));

        var exception = await Assert.ThrowsAsync<StripeException>(() => client.PaymentIntents.GetAsync("pi_123"));

        Assert.Equal(3, attempts);
        Assert.Equal((default(HttpStatusCode), "connection_error"), (exception.HttpStatusCode, exception.StripeError.Code));
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
