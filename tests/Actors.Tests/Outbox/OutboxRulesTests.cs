using System.Text;

namespace DaprShop.Actors.Tests.Outbox;

public sealed class OutboxRulesTests
{
    private static readonly DateTimeOffset ArmedAt = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_reminder_without_its_record_keeps_looking_while_its_transaction_may_still_be_in_flight()
    {
        Assert.False(OutboxReminder.IsAbandoned(OutboxReminder.Data(ArmedAt), ArmedAt + AbandonAfter - TimeSpan.FromSeconds(1), AbandonAfter));
    }

    [Fact]
    public void A_reminder_without_its_record_gives_up_once_its_transaction_cannot_commit_any_more()
    {
        Assert.True(OutboxReminder.IsAbandoned(OutboxReminder.Data(ArmedAt), ArmedAt + AbandonAfter, AbandonAfter));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a time")]
    public void A_reminder_with_unreadable_data_is_given_up_at_once(string data)
    {
        Assert.True(OutboxReminder.IsAbandoned(Encoding.UTF8.GetBytes(data), ArmedAt, AbandonAfter));
    }

    [Fact]
    public void Each_app_hosts_its_own_outbox_actor_type_since_actor_types_are_global_to_a_placement()
    {
        Assert.NotEqual(TransactionalOutbox.ActorTypeNameFor("catalog"), TransactionalOutbox.ActorTypeNameFor("identity"));
    }

    [Fact]
    public void The_record_key_follows_the_kind_and_id_convention()
    {
        Assert.Equal("outbox:0190-abc", OutboxEvent.StateKeyOf("0190-abc"));
    }
}
