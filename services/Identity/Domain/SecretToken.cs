using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace DaprShop.Identity.Domain;

/// <summary>
/// A random bearer secret (256 bits, base64url so it fits a link unescaped) and the SHA-256 form it is stored under:
/// the store never holds a usable token, and a secret this long needs no salt or slow hash.
/// </summary>
public static class SecretToken
{
    private const int SizeInBytes = 32;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SizeInBytes));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time, so response timing says nothing about how much of a guess was right.</summary>
    public static bool HashesEqual(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right));

    /// <summary>True for text that could be a token this class made (43 base64url characters); anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
