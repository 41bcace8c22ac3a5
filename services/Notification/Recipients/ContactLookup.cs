using DaprShop.Contracts.Identity;

namespace DaprShop.Notification.Recipients;

/// <summary>What identity said about a user: where to write, that the account is gone, or nothing (unreachable).</summary>
internal sealed record ContactLookup(UserContact? Contact, bool Erased)
{
    public static ContactLookup Found(UserContact contact) => new(contact, Erased: false);

    public static readonly ContactLookup AccountErased = new(null, Erased: true);

    public static readonly ContactLookup Unavailable = new(null, Erased: false);
}
