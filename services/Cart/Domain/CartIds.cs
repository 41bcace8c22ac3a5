using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DaprShop.Cart.Domain;

/// <summary>
/// Cart actor ids: <c>user-{userId}</c> for a signed-in user, <c>guest-{opaque id}</c> for a guest. A guest's opaque id
/// is all that addresses their cart, so it is 128 random bits (base64url, 22 characters): not guessable, not derived
/// from anything.
/// </summary>
public static partial class CartIds
{
    private const int GuestIdBytes = 16;

    public static string ForUser(Guid userId) => $"user-{userId}";

    public static string ForGuest(string guestCartId) => $"guest-{guestCartId}";

    public static bool IsGuest(string actorId) => actorId.StartsWith("guest-", StringComparison.Ordinal);

    public static string NewGuestCartId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(GuestIdBytes));

    public static bool IsWellFormedGuestCartId(string? guestCartId) => guestCartId is not null && GuestCartId().IsMatch(guestCartId);

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}\z", RegexOptions.CultureInvariant)]
    private static partial Regex GuestCartId();
}
