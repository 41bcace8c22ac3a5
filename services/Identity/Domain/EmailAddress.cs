namespace DaprShop.Identity.Domain;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>
    /// The form the uniqueness index uses (<c>user-by-email:{normalized}</c>): trimmed and lower-cased, so
    /// "Ann@Example.com" and "ann@example.com " are one account. Local parts are case-insensitive at every real provider.
    /// </summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
