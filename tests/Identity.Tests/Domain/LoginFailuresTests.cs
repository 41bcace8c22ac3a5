using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Tests.Domain;

public sealed class LoginFailuresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_fifth_consecutive_failure_locks_for_fifteen_minutes()
    {
        var failures = LoginFailures.None;
        for (var i = 1; i < LoginFailures.MaxConsecutiveFailures; i++)
        {
            failures = failures.RecordFailure(Now);
            Assert.False(failures.IsLockedAt(Now));
        }

        failures = failures.RecordFailure(Now);

        Assert.True(failures.IsLockedAt(Now));
        Assert.Equal(Now + TimeSpan.FromMinutes(15), failures.LockedUntil);
        Assert.True(failures.IsLockedAt(Now + TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1)));
        Assert.False(failures.IsLockedAt(Now + TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void After_a_lockout_expires_the_count_starts_again_from_zero()
    {
        var locked = Enumerable.Range(0, LoginFailures.MaxConsecutiveFailures).Aggregate(LoginFailures.None, (failures, _) => failures.RecordFailure(Now));
        var later = Now + LoginFailures.LockoutDuration;

        var afterOneMore = locked.RecordFailure(later);

        Assert.Equal(new LoginFailures(1, null), afterOneMore);
        Assert.False(afterOneMore.IsLockedAt(later));
    }
}
