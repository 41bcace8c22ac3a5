namespace DaprShop.Identity.Sessions;

public enum RefreshStatus
{
    Refreshed,

    /// <summary>Malformed, unknown, expired or revoked.</summary>
    Invalid,

    /// <summary>An already rotated token came back: its whole family was revoked.</summary>
    Reused,

    Disabled,
}
