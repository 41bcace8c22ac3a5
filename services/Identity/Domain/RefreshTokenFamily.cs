namespace DaprShop.Identity.Domain;

/// <summary>
/// One sign-in's chain of refresh tokens (state key <c>refresh-family:{id}</c>). Only the newest token of the chain is
/// valid; presenting any other token of the family means an old token was copied, so the whole family is revoked
/// (OAuth 2.0 Security BCP §4.14 refresh token rotation). The family ends <see cref="Lifetime"/> after the sign-in;
/// rotation does not extend it.
/// </summary>
public sealed record RefreshTokenFamily(Guid Id, Guid UserId, string CurrentSecretHash, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>A new sign-in and its first token.</summary>
    public static (RefreshTokenFamily Family, RefreshToken Token) Start(Guid userId, DateTimeOffset now)
    {
        var token = new RefreshToken(Guid.CreateVersion7(now), SecretToken.Create());
        return (new RefreshTokenFamily(token.FamilyId, userId, SecretToken.HashOf(token.Secret), now + Lifetime), token);
    }

    public RefreshTokenUse Check(RefreshToken presented, DateTimeOffset now) =>
        ExpiresAt <= now ? RefreshTokenUse.Expired
        : SecretToken.HashesEqual(SecretToken.HashOf(presented.Secret), CurrentSecretHash) ? RefreshTokenUse.Current
        : RefreshTokenUse.Reused;

    /// <summary>The family with its next token; the presented one becomes a reused token from now on.</summary>
    public (RefreshTokenFamily Family, RefreshToken Token) Rotate()
    {
        var token = new RefreshToken(Id, SecretToken.Create());
        return (this with { CurrentSecretHash = SecretToken.HashOf(token.Secret) }, token);
    }

    public SessionReference ToSessionReference() => new(Id, ExpiresAt);
}
