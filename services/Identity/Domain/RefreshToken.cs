namespace DaprShop.Identity.Domain;

/// <summary>
/// A refresh token as the client holds it: <c>{familyId}.{secret}</c>, opaque to the client. The family id names the
/// sign-in it belongs to, so a presented token finds its family with one read; only the secret's hash is stored.
/// </summary>
public sealed record RefreshToken(Guid FamilyId, string Secret)
{
    public override string ToString() => $"{FamilyId:N}.{Secret}";

    public static bool TryParse(string? text, out RefreshToken token)
    {
        token = null!;
        var separator = text?.IndexOf('.') ?? -1;
        if (separator < 0 || !Guid.TryParseExact(text.AsSpan(0, separator), "N", out var familyId)) return false;
        var secret = text![(separator + 1)..];
        if (!SecretToken.IsWellFormed(secret)) return false;
        token = new RefreshToken(familyId, secret);
        return true;
    }
}
