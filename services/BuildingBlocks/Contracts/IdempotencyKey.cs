namespace DaprShop.Contracts;

/// <summary>
/// The <c>Idempotency-Key</c> request header of the shop's retry-safe writes (checkout, stock adjustment): chosen by the
/// client, the same on every retry of one request.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Printable ASCII without spaces, 1 to <paramref name="maxLength"/> characters (a UUID is typical).</summary>
    public static bool IsWellFormed(string? key, int maxLength) =>
        !string.IsNullOrEmpty(key) && key.Length <= maxLength && key.All(character => character is > ' ' and <= '~');
}
