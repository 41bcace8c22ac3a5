using System.Text.Json.Serialization;

namespace DaprShop.Identity.Domain;

/// <summary>
/// An account as identity stores it (state key <c>user:{id}</c>). Everything personal about a user lives here or in
/// the email index, so erasing an account is deleting these keys and the sessions listed in <see cref="Sessions"/>.
/// </summary>
/// <param name="PasswordHash">PasswordHasher's output (PBKDF2, salted); never the password.</param>
/// <param name="Sessions">The refresh-token families (sign-ins) that may still be alive, so they can be revoked and erased.</param>
public sealed record UserAccount(
    Guid Id,
    string Email,
    string Name,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    bool EmailVerified,
    bool Disabled,
    DateTimeOffset CreatedAt,
    LoginFailures LoginFailures,
    IReadOnlyList<SessionReference> Sessions)
{
    [JsonIgnore]
    public string NormalizedEmail => EmailAddress.Normalize(Email);

    [JsonIgnore]
    public bool IsAdmin => Roles.Contains(Contracts.Identity.Roles.Admin);

    public static UserAccount New(Guid id, string email, string name, IReadOnlyList<string> roles, bool emailVerified, DateTimeOffset createdAt) =>
        new(id, email.Trim(), name.Trim(), PasswordHash: "", roles, emailVerified, Disabled: false, createdAt, LoginFailures.None, Sessions: []);

    /// <summary>How many sign-ins an account keeps at once: a shopper's devices, while the account record stays small.</summary>
    public const int MaxSessions = 10;

    /// <summary>
    /// Adds a sign-in and forgets sign-ins that have expired by themselves; beyond <see cref="MaxSessions"/>, the
    /// oldest sign-ins end and are returned so their refresh-token families can be deleted.
    /// </summary>
    public (UserAccount Account, IReadOnlyList<SessionReference> Ended) WithSession(SessionReference session, DateTimeOffset now)
    {
        List<SessionReference> live = [.. Sessions.Where(existing => existing.ExpiresAt > now), session];
        var ended = live.Take(Math.Max(0, live.Count - MaxSessions)).ToList();
        return (this with { Sessions = [.. live.Skip(ended.Count)] }, ended);
    }

    /// <summary>Every sign-in ends: used on password change or reset, disable, and erasure.</summary>
    public UserAccount WithoutSessions() => this with { Sessions = [] };
}
