using System.Collections.Concurrent;
using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Payment.Provider;

/// <summary>Payment's secrets from the <c>secretstore</c> component, read once each and kept for the process's life.</summary>
public sealed class PaymentSecrets(DaprClient dapr)
{
    public const string Provider = "payment-provider";
    public const string StripeApiKey = "stripe-api-key";
    public const string WebhookSecret = "stripe-webhook-secret";

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_values.TryGetValue(name, out var known)) return known;
        var secret = await dapr.GetSecretAsync(ComponentNames.SecretStore, name, cancellationToken: cancellationToken);
        var value = secret.TryGetValue(name, out var found) && found.Length > 0
            ? found
            : throw new InvalidOperationException($"The secret store has no value for '{name}'.");
        return _values.GetOrAdd(name, value);
    }
}
