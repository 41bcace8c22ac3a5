using DaprShop.Contracts.Identity;
using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Tests.Domain;

public sealed class UserAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly UserAccount Account = UserAccount.New(Guid.NewGuid(), " Ann@Example.com ", " Ann ", [Roles.Customer], emailVerified: true, Now);

    [Fact]
    public void A_new_account_is_trimmed_and_indexed_by_its_lower_case_address()
    {
        Assert.Equal(("Ann@Example.com", "Ann", "ann@example.com"), (Account.Email, Account.Name, Account.NormalizedEmail));
        Assert.Empty(Account.Sessions);
    }

    [Fact]
    public void Beyond_the_session_limit_the_oldest_sign_ins_end()
    {
        var account = Account;
        var sessions = Enumerable.Range(0, UserAccount.MaxSessions + 2).Select(_ => new SessionReference(Guid.NewGuid(), Now.AddDays(14))).ToList();
        var ended = new List<SessionReference>();
        foreach (var session in sessions)
        {
            (account, var endedNow) = account.WithSession(session, Now);
            ended.AddRange(endedNow);
        }

        Assert.Equal(sessions.Take(2), ended);
        Assert.Equal(sessions.Skip(2), account.Sessions);
    }

    [Fact]
    public void Expired_sign_ins_are_forgotten_without_being_reported_as_ended()
    {
        var (withOld, _) = Account.WithSession(new SessionReference(Guid.NewGuid(), Now), Now.AddDays(-1));
        var fresh = new SessionReference(Guid.NewGuid(), Now.AddDays(14));

        var (account, ended) = withOld.WithSession(fresh, Now);

        Assert.Empty(ended);
        Assert.Equal([fresh], account.Sessions);
    }
}
