namespace DaprShop.Identity.Domain;

public enum RefreshTokenUse
{
    /// <summary>The newest token of a live family: it may be exchanged once.</summary>
    Current,

    /// <summary>An older token of the family: a copy is in someone's hands, so the family must be revoked.</summary>
    Reused,

    Expired,
}
