using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DaprShop.Payment.Stripe.Webhooks;

/// <summary>
/// Verifies and signs webhooks exactly as Stripe.net's <c>EventUtility</c> (stripe.md §8): <c>Stripe-Signature</c> is
/// <c>t=…,v1=…[,v1=…]</c>; each v1 is the hex HMAC-SHA256, keyed with the whole <c>whsec_…</c> string, of
/// <c>{t}.{raw body}</c>; any v1 may match (secret rolls), compared in constant time; <c>t</c> must be within the
/// tolerance of now, either side.
/// </summary>
public static class EventUtility
{
    public const long DefaultTimeToleranceSeconds = 300;

    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Verifies the signature, then parses the event.</summary>
    /// <exception cref="StripeSignatureException">The header is missing, malformed, stale or matches no v1.</exception>
    public static StripeEvent ConstructEvent(
        string json, string? signatureHeader, string secret, DateTimeOffset now, long toleranceSeconds = DefaultTimeToleranceSeconds)
    {
        ValidateSignature(json, signatureHeader, secret, now, toleranceSeconds);
        try
        {
            return JsonSerializer.Deserialize<StripeEvent>(json, StripeJson.Options)
                ?? throw new StripeSignatureException("The signed payload is not an event object.");
        }
        catch (JsonException exception)
        {
            throw new StripeSignatureException($"The signed payload is not an event object: {exception.Message}");
        }
    }

    public static void ValidateSignature(string json, string? signatureHeader, string secret, DateTimeOffset now, long toleranceSeconds = DefaultTimeToleranceSeconds)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader)) throw new StripeSignatureException($"The {SignatureHeader} header is missing.");

        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var item in signatureHeader.Split(','))
        {
            var separator = item.IndexOf('=');
            if (separator <= 0) continue;
            var scheme = item[..separator].Trim();
            var value = item[(separator + 1)..].Trim();
            if (scheme == "t") timestamp = value;
            else if (scheme == "v1") signatures.Add(value);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt))
        {
            throw new StripeSignatureException($"The {SignatureHeader} header has no timestamp (t=).");
        }

        if (signatures.Count == 0) throw new StripeSignatureException($"The {SignatureHeader} header has no v1 signature.");

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(secret, timestamp!, json));
        if (!signatures.Any(signature => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))))
        {
            throw new StripeSignatureException("No v1 signature matches the payload and the endpoint secret.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - signedAt) > toleranceSeconds)
        {
            throw new StripeSignatureException($"The signature's timestamp is outside the tolerance of {toleranceSeconds} s.");
        }
    }

    /// <summary>The header Stripe sends with <paramref name="json"/> (Stripe.net's <c>GenerateSignatureHeader</c>).</summary>
    public static string GenerateSignatureHeader(string json, string secret, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={ComputeSignature(secret, timestamp, json)}";
    }

    private static string ComputeSignature(string secret, string timestamp, string json) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{json}")));
}
