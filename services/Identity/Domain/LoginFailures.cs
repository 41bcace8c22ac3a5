namespace DaprShop.Identity.Domain;

/// <summary>
/// Consecutive failed logins and the lockout they lead to: after <see cref="MaxConsecutiveFailures"/> wrong passwords
/// the account is locked for <see cref="LockoutDuration"/>, which caps online guessing at a few tries per quarter hour.
/// A successful login starts the count again.
/// </summary>
public sealed record LoginFailures(int Consecutive, DateTimeOffset? LockedUntil)
{
    public const int MaxConsecutiveFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static LoginFailures None { get; } = new(0, null);

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// Counts one more wrong password (only asked while not locked: a locked account's password is not even checked);
    /// the failure that reaches the limit locks the account and starts the count again for after the lockout.
    /// </summary>
    public LoginFailures RecordFailure(DateTimeOffset now)
    {
        var consecutive = Consecutive + 1;
        return consecutive >= MaxConsecutiveFailures ? new LoginFailures(0, now + LockoutDuration) : new LoginFailures(consecutive, null);
    }
}
