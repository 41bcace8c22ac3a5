using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Stripe's side of a webhook: an event signed as Stripe signs it, POSTed to payment's public path through the gateway.</summary>
internal static class StripeWebhooks
{
    public static Task<HttpResponseMessage> PostAsync(ShopRun run, string json, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(run.Gateway, "/api/payments/webhooks/stripe"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", signature);
        return run.Http.SendAsync(request);
    }

    /// <summary>Signed with the run's embedded <c>stripe-webhook-secret</c>, as the shop's Stripe account would sign it.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(ShopRun run, string json) =>
        PostAsync(run, json, Sign(json, run.DevelopmentSecret("stripe-webhook-secret")));

    /// <summary>Stripe's scheme, written out independently of payment's own signer.</summary>
    public static string Sign(string json, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{json}")));
        return $"t={timestamp},v1={signature}";
    }
}
