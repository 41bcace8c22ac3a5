namespace DaprShop.Dapr;

/// <summary>Endpoint metadata: the endpoint may be called without the sidecar's <c>dapr-api-token</c>.</summary>
public sealed class AllowWithoutDaprAppTokenMetadata
{
    public static AllowWithoutDaprAppTokenMetadata Instance { get; } = new();

    private AllowWithoutDaprAppTokenMetadata()
    {
    }
}
