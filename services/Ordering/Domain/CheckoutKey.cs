using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DaprShop.Contracts;

namespace DaprShop.Ordering.Domain;

/// <summary>
/// The checkout's Idempotency-Key rules: the order id is derived from (user, key), so the same key of the same user
/// always names the same order (and workflow instance), and the request's hash tells a true replay from a reused key.
/// </summary>
public static class CheckoutKey
{
    public const string HeaderName = IdempotencyKey.HeaderName;
    public const int MaxLength = 200;

    public static bool IsWellFormed(string? key) => IdempotencyKey.IsWellFormed(key, MaxLength);

    /// <summary>A UUID built from SHA-256 of user and key, with the version bits of a custom (v8) UUID.</summary>
    public static Guid OrderIdFor(Guid userId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Hex SHA-256 of the request's JSON (property order is the record's, so equal requests hash equally).</summary>
    public static string HashOf<TRequest>(TRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonSerializerOptions.Web)));
}
