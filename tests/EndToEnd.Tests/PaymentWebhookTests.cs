using System.Net;
using System.Text.Json;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Stripe's webhook path in the real run: public through the gateway, verified with the embedded <c>stripe-webhook-secret</c>.</summary>
[Collection(MultiAppRunCollection.Name)]
public sealed class PaymentWebhookTests(MultiAppRun shop) : IClassFixture<MultiAppRun>
{
    private const string ForeignEvent =
        """{"id":"evt_e2e_foreign","object":"event","type":"payment_intent.succeeded","created":1700000000,"data":{"object":{"id":"pi_e2e","amount":100,"currency":"usd","status":"succeeded","metadata":{}}}}""";

    [Fact]
    public async Task A_webhook_signed_with_the_embedded_secret_is_accepted_through_the_gateway()
    {
        using var response = await PostWebhookAsync(ForeignEvent, StripeWebhooks.Sign(ForeignEvent, EmbeddedWebhookSecret()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_webhook_signed_with_another_secret_is_refused_through_the_gateway()
    {
        using var response = await PostWebhookAsync(ForeignEvent, StripeWebhooks.Sign(ForeignEvent, "whsec_not_the_shops"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_internal_payment_endpoints_are_not_reachable_through_the_gateway()
    {
        using var response = await shop.Http.GetAsync(new Uri(shop.Gateway, $"/api/payments/internal/payments/{Guid.CreateVersion7()}"));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, response.StatusCode.ToString());
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string json, string signature) => StripeWebhooks.PostAsync(shop.Run, json, signature);

    private string EmbeddedWebhookSecret() => shop.Run.DevelopmentSecret("stripe-webhook-secret");
}
