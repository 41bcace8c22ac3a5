using DaprShop.Payment.Simulated;
using DaprShop.Payment.Stripe;
using Microsoft.Extensions.Options;

namespace DaprShop.Payment.Provider;

/// <summary>
/// The Stripe API this process talks to, chosen by the secret <c>payment-provider</c>: <c>stripe</c> (the real API,
/// with <c>stripe-api-key</c>) or <c>simulated</c> (<see cref="SimulatedStripe"/>, the embedded default).
/// </summary>
public sealed class PaymentProvider(
    PaymentSecrets secrets, IHttpClientFactory httpClients, IOptions<StripeClientOptions> options, SimulatedStripe simulated, ILoggerFactory loggerFactory)
{
    public const string Stripe = "stripe";
    public const string Simulated = "simulated";

    private IStripeClient? _client;

    public async Task<IStripeClient> GetAsync(CancellationToken cancellationToken)
    {
        if (_client is { } client) return client;
        var provider = await secrets.GetAsync(PaymentSecrets.Provider, cancellationToken);
        client = provider switch
        {
            Simulated => simulated,
            Stripe => new StripeHttpClient(new StripeHttpTransport(
                httpClients.CreateClient(Stripe), options.Value, await secrets.GetAsync(PaymentSecrets.StripeApiKey, cancellationToken),
                loggerFactory.CreateLogger<StripeHttpTransport>())),
            _ => throw new InvalidOperationException($"The secret '{PaymentSecrets.Provider}' is '{provider}'; expected '{Stripe}' or '{Simulated}'."),
        };
        loggerFactory.CreateLogger<PaymentProvider>().LogInformation("Payment provider: {Provider}", provider);
        return _client = client;
    }
}
