using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Identity.Tokens;

/// <summary>
/// Loads the signing key from the secret store (secret <c>jwt-signing-key</c>) on first use and keeps it. A failed
/// load is not cached, so a sidecar that was not ready yet is simply asked again by the next request.
/// </summary>
internal sealed class SigningKeyProvider(DaprClient dapr)
{
    public const string SecretName = "jwt-signing-key";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private SigningKey? _key;

    public async ValueTask<SigningKey> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } loaded) return loaded;

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                var secret = await dapr.GetSecretAsync(ComponentNames.SecretStore, SecretName, cancellationToken: cancellationToken);
                _key = secret.TryGetValue(SecretName, out var pem) && pem.Length > 0
                    ? SigningKey.FromPem(pem)
                    : throw new InvalidOperationException($"The secret store has no value for '{SecretName}'.");
            }

            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }
}
