namespace DaprShop.Sidecar.Components.Secrets;

public interface ISecretStore
{
    /// <summary>Returns the keys and values of one secret.</summary>
    /// <exception cref="SecretNotFoundException">The store has no secret of that name.</exception>
    Task<IReadOnlyDictionary<string, string>> GetSecretAsync(
        string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Returns every secret: name → (key → value).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}

public sealed class SecretNotFoundException(string name) : Exception($"secret {name} not found");
