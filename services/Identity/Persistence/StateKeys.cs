using System.Globalization;

namespace DaprShop.Identity.Persistence;

/// <summary>Every state key identity writes, in one place so the erasure of an account can name all of a user's keys.</summary>
internal static class StateKeys
{
    /// <summary>The ids of every account, for the admin list (the state API has no query that works on every store).</summary>
    public const string UserIds = "user-ids";

    public static string User(Guid id) => $"user:{id}";

    public static string UserByEmail(string normalizedEmail) => $"user-by-email:{normalizedEmail}";

    public static string RefreshFamily(Guid familyId) => $"refresh-family:{familyId}";

    public static string OneTimeToken(string kind, string tokenHash) => $"{kind}:{tokenHash}";

    /// <summary>State metadata that lets the store drop the key by itself once it is useless (at least one second).</summary>
    public static IReadOnlyDictionary<string, string> ExpiringAfter(TimeSpan lifetime) => new Dictionary<string, string>
    {
        ["ttlInSeconds"] = Math.Max(1, (long)Math.Ceiling(lifetime.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
    };
}
