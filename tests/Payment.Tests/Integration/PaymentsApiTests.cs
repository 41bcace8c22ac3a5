using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;

namespace DaprShop.Payment.Tests.Integration;

/// <summary>Ordering's calls to payment on the simulated provider, observed through the answers, the ledger and the published outcomes.</summary>
[Collection(PaymentAppCollection.Name)]
public sealed class PaymentsApiTests(PaymentAppFixture payment)
{
    private static readonly Money Total = new(2599, "EUR");

    [Fact]
    public async Task A_visa_payment_succeeds_and_publishes_one_succeeded_outcome_after_the_ledger_says_so()
    {
        var start = NewStart("pm_card_visa");

        var view = await StartAsync(start);

        Assert.Equal((PaymentStatus.Succeeded, Total, new Money(0, "EUR")), (view.Status, view.Amount, view.Refunded));
        Assert.StartsWith("pi_", view.PaymentIntentId);
        var outcome = Assert.Single(await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentSucceeded));
        Assert.Equal((view.PaymentIntentId, PaymentStatus.Succeeded, Total), (outcome.PaymentIntentId, outcome.Status, outcome.Amount));
        Assert.StartsWith("evt_", outcome.StripeEventId);
        Assert.Equal(PaymentStatus.Succeeded, (await GetAsync(start.OrderId)).Status);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "generic_decline")]
    [InlineData("pm_card_visa_chargeDeclined", "generic_decline")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds")]
    public async Task A_declined_card_fails_with_the_decline_code(string paymentMethod, string declineCode)
    {
        var start = NewStart(paymentMethod);

        var view = await StartAsync(start);

        Assert.Equal((PaymentStatus.Failed, declineCode), (view.Status, view.FailureCode));
        var outcome = Assert.Single(await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentFailed));
        Assert.Equal((PaymentStatus.Failed, declineCode), (outcome.Status, outcome.FailureCode));
        Assert.NotNull(outcome.FailureMessage);
    }

    [Fact]
    public async Task A_card_that_needs_authentication_requires_action_and_nothing_follows()
    {
        var start = NewStart("pm_card_authenticationRequired");

        var view = await StartAsync(start);

        Assert.Equal(PaymentStatus.RequiresAction, view.Status);
        var outcome = Assert.Single(await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentRequiresAction));
        Assert.Equal(PaymentStatus.RequiresAction, outcome.Status);
        // A later payment's outcome: had the first one any further outcome, it would have arrived by then.
        var later = NewStart("pm_card_visa");
        await StartAsync(later);
        await payment.WaitForOutcomesAsync(later.OrderId, Topics.PaymentSucceeded);
        Assert.Empty(payment.OutcomesFor(start.OrderId, Topics.PaymentSucceeded).Concat(payment.OutcomesFor(start.OrderId, Topics.PaymentFailed)));
        Assert.Equal(PaymentStatus.RequiresAction, (await GetAsync(start.OrderId)).Status);
    }

    [Fact]
    public async Task Starting_the_same_order_again_returns_the_same_payment()
    {
        var start = NewStart("pm_card_visa");

        var first = await StartAsync(start);
        var second = await StartAsync(start);

        Assert.Equal(first, second);
        await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentSucceeded);
    }

    [Fact]
    public async Task Starting_the_same_order_with_another_amount_is_a_conflict()
    {
        var start = NewStart("pm_card_visa");
        await StartAsync(start);

        using var response = await payment.AsOrdering.PostAsJsonAsync("internal/payments", start with { Amount = new Money(1, "EUR") });

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_payment_method_is_refused()
    {
        using var response = await payment.AsOrdering.PostAsJsonAsync("internal/payments", NewStart("pm_card_nonexistent"));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_full_refund_refunds_what_is_left_once_per_refund_id()
    {
        var start = NewStart("pm_card_visa");
        await StartAsync(start);
        var refund = new RefundPayment("cancel-1", null, "requested_by_customer");

        var refunded = await RefundAsync(start.OrderId, refund);
        var again = await RefundAsync(start.OrderId, refund);

        Assert.Equal((PaymentStatus.Refunded, Total), (refunded.Status, refunded.Refunded));
        Assert.Equal(refunded, again);
        var outcome = Assert.Single(await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentRefunded));
        Assert.Equal((PaymentStatus.Refunded, Total), (outcome.Status, outcome.Amount));
    }

    [Fact]
    public async Task Partial_refunds_add_up_and_cannot_exceed_the_payment()
    {
        var start = NewStart("pm_card_visa");
        await StartAsync(start);

        var partly = await RefundAsync(start.OrderId, new RefundPayment("part-1", new Money(599, "EUR"), "damaged item"));
        using var tooMuch = await payment.AsOrdering.PostAsJsonAsync(
            $"internal/payments/{start.OrderId}/refunds", new RefundPayment("part-2", new Money(2001, "EUR"), "too much"));
        var rest = await RefundAsync(start.OrderId, new RefundPayment("part-3", new Money(2000, "EUR"), "the rest"));

        Assert.Equal((PaymentStatus.PartiallyRefunded, 599L), (partly.Status, partly.Refunded.Amount));
        await AssertProblemAsync(tooMuch, HttpStatusCode.Conflict);
        Assert.Equal((PaymentStatus.Refunded, 2599L), (rest.Status, rest.Refunded.Amount));
        var outcomes = await payment.WaitForOutcomesAsync(start.OrderId, Topics.PaymentRefunded, count: 2);
        Assert.Equal([599L, 2000L], outcomes.Select(outcome => outcome.Amount.Amount).Order());
    }

    [Fact]
    public async Task A_refund_before_the_payment_succeeded_is_a_conflict()
    {
        var start = NewStart("pm_card_authenticationRequired");
        await StartAsync(start);

        using var response = await payment.AsOrdering.PostAsJsonAsync($"internal/payments/{start.OrderId}/refunds", new RefundPayment("r", null, "cancel"));

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unpaid_payment_is_canceled_and_canceling_again_changes_nothing()
    {
        var start = NewStart("pm_card_authenticationRequired");
        await StartAsync(start);

        var canceled = await CancelAsync(start.OrderId);
        var again = await CancelAsync(start.OrderId);

        Assert.Equal(PaymentStatus.Canceled, canceled.Status);
        Assert.Equal(canceled, again);
        Assert.Equal(PaymentStatus.Canceled, (await GetAsync(start.OrderId)).Status);
    }

    [Fact]
    public async Task A_succeeded_payment_cannot_be_canceled()
    {
        var start = NewStart("pm_card_visa");
        await StartAsync(start);

        using var response = await payment.AsOrdering.PostAsync($"internal/payments/{start.OrderId}/cancel", null);

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_order_without_payment_is_not_found()
    {
        using var response = await payment.AsOrdering.GetAsync($"internal/payments/{Guid.CreateVersion7()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Callers_other_than_ordering_are_refused()
    {
        using var asPayment = await payment.AsPayment.PostAsJsonAsync("internal/payments", NewStart("pm_card_visa"));
        using var withoutToken = await payment.Direct.PostAsJsonAsync("internal/payments", NewStart("pm_card_visa"));

        await AssertProblemAsync(asPayment, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
    }

    [Theory]
    [InlineData("""{"orderId":"00000000-0000-0000-0000-000000000000","userId":"0198a0c4-0000-7000-8000-000000000001","amount":{"amount":100,"currency":"EUR"},"paymentMethodId":"pm_card_visa"}""", "orderId")]
    [InlineData("""{"orderId":"0198a0c4-0000-7000-8000-000000000002","userId":"0198a0c4-0000-7000-8000-000000000001","amount":{"amount":0,"currency":"EUR"},"paymentMethodId":"pm_card_visa"}""", "amount.amount")]
    [InlineData("""{"orderId":"0198a0c4-0000-7000-8000-000000000002","userId":"0198a0c4-0000-7000-8000-000000000001","amount":{"amount":100,"currency":"eur"},"paymentMethodId":"pm_card_visa"}""", "amount.currency")]
    [InlineData("""{"orderId":"0198a0c4-0000-7000-8000-000000000002","userId":"0198a0c4-0000-7000-8000-000000000001","amount":{"amount":100,"currency":"EUR"},"paymentMethodId":"4242424242424242"}""", "paymentMethodId")]
    public async Task A_bad_start_is_a_validation_problem(string body, string field)
    {
        using var response = await payment.AsOrdering.PostAsync("internal/payments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_bad_refund_is_a_validation_problem()
    {
        using var response = await payment.AsOrdering.PostAsJsonAsync(
            $"internal/payments/{Guid.CreateVersion7()}/refunds", new RefundPayment("", new Money(-5, "EUR"), ""));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("refundId", out _) && errors.TryGetProperty("reason", out _), problem.ToString());
    }

    private static StartPayment NewStart(string paymentMethod) => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Total, paymentMethod);

    private async Task<PaymentView> StartAsync(StartPayment start) => await ReadViewAsync(await payment.AsOrdering.PostAsJsonAsync("internal/payments", start));

    private async Task<PaymentView> GetAsync(Guid orderId) => await ReadViewAsync(await payment.AsOrdering.GetAsync($"internal/payments/{orderId}"));

    private async Task<PaymentView> CancelAsync(Guid orderId) => await ReadViewAsync(await payment.AsOrdering.PostAsync($"internal/payments/{orderId}/cancel", null));

    private async Task<PaymentView> RefundAsync(Guid orderId, RefundPayment refund) =>
        await ReadViewAsync(await payment.AsOrdering.PostAsJsonAsync($"internal/payments/{orderId}/refunds", refund));

    private static async Task<PaymentView> ReadViewAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<PaymentView>())!;
        }
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
