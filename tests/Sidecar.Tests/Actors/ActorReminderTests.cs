using System.Globalization;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>Reminders (reference §6.2, §6.3): every time format, the callback body, stopping by delete, cancel and repetitions.</summary>
[Collection(ActorCollection.Name)]
public sealed class ActorReminderTests(ActorFixture world)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task A_periodic_reminder_fires_with_daprds_callback_body_until_deleted()
    {
        var (id, remind) = NewReminder();
        var reminder = $"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/tick";

        DaprAssert.NoContent(await world.Host.PostJsonAsync(reminder, """{ "dueTime": "100ms", "period": "150ms", "data": { "reason": "idle" } }"""));
        var fired = await world.App.WaitForCountAsync("PUT", remind + "tick", 3);
        DaprAssert.JsonEquivalent("""{ "data": { "reason": "idle" }, "dueTime": "100ms", "period": "150ms" }""", fired[0].Json());

        DaprAssert.NoContent(await world.Host.DeleteAsync(reminder));
        var count = world.App.Matching("PUT", remind + "tick").Count;
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", remind + "tick").Count <= count + 1, QuietWindow, "no ticks after delete");
        Assert.Equal("null", DaprAssert.Json(await world.Host.GetAsync(reminder)).GetRawText());
    }

    [Fact]
    public async Task Ticks_are_JSON_and_carry_no_reentrancy_id_even_for_reentrant_types()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Reentrant}/{id}/reminders/plain", "{}"));

        var tick = (await world.App.WaitForCountAsync("PUT", $"/actors/{ActorTypes.Reentrant}/{id}/method/remind/plain", 1))[0];

        Assert.StartsWith("application/json", tick.ContentType);
        Assert.False(tick.HasHeader("Dapr-Reentrancy-Id"), "daprd takes a tick's turn without a call chain");
    }

    public static TheoryData<string> DueTimes() =>
    [
        "0h0m0s200ms",                                                      // Go duration
        "PT0S",                                                             // ISO-8601 duration
        "",                                                                 // absent: now
    ];

    [Theory]
    [MemberData(nameof(DueTimes))]
    public async Task A_one_shot_reminder_fires_once_for_each_dueTime_format_and_is_then_gone(string dueTime)
    {
        await AssertFiresOnceAsync(dueTime);
    }

    [Fact]
    public async Task A_one_shot_reminder_fires_once_at_an_RFC3339_dueTime()
    {
        await AssertFiresOnceAsync(DateTimeOffset.UtcNow.AddMilliseconds(300).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reminder_with_Rn_repetitions_fires_n_times()
    {
        var (id, remind) = NewReminder();
        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/twice", """{ "period": "R2/PT1S" }"""));

        var fired = await world.App.WaitForCountAsync("PUT", remind + "twice", 2);
        // Every tick echoes the period as created (ReminderPeriod.String), not what is left of it.
        Assert.All(fired, tick => Assert.Equal("R2/PT1S", tick.Json().GetProperty("period").GetString()));
        await Poll.UntilAsync(async () => (await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/twice")).Text,
            text => text == "null", "the used-up reminder is removed");
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", remind + "twice").Count == 2, QuietWindow, "no third tick");
    }

    [Fact]
    public async Task X_DaprReminderCancel_from_the_app_stops_the_reminder()
    {
        var (id, remind) = NewReminder();
        using var _ = world.App.Handle(r => r.Path == remind + "cancel"
            ? Task.FromResult(new AppReply(Headers: new Dictionary<string, string> { ["X-DaprReminderCancel"] = "true" }))
            : null);

        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/cancel", """{ "period": "100ms" }"""));

        await world.App.WaitForCountAsync("PUT", remind + "cancel", 1);
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", remind + "cancel").Count == 1, QuietWindow, "no tick after cancel");
        Assert.Equal("null", DaprAssert.Json(await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/cancel")).GetRawText());
    }

    [Fact]
    public async Task GET_returns_data_period_and_dueTime_as_daprds_state_store_reminders_do()
    {
        var (id, _) = NewReminder();
        var reminder = $"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/weekly";
        DaprAssert.NoContent(await world.Host.PostJsonAsync(reminder, """{ "dueTime": "1h", "period": "P1W", "ttl": "P2W", "data": [1, "two"] }"""));

        DaprAssert.JsonEquivalent("""{ "data": [1, "two"], "period": "P1W", "dueTime": "1h" }""", DaprAssert.Json(await world.Host.GetAsync(reminder)));

        DaprAssert.NoContent(await world.Host.DeleteAsync(reminder));
        Assert.Equal("null", DaprAssert.Json(await world.Host.GetAsync(reminder)).GetRawText());
    }

    [Theory]
    [InlineData("""{ "period": "R0/PT1S" }""", "invalid reminder period: ")]
    [InlineData("""{ "period": "every second" }""", "invalid reminder period: ")]
    [InlineData("""{ "period": "PT1.5S" }""", "invalid reminder period: ")]
    [InlineData("""{ "dueTime": "R2/PT1S" }""", "error parsing reminder due time: ")]
    [InlineData("""{ "dueTime": "tomorrow" }""", "error parsing reminder due time: ")]
    [InlineData("""{ "ttl": "soon" }""", "error parsing reminder TTL: ")]
    [InlineData("""{ "ttl": "2000-01-01T00:00:00Z" }""", "reminder {key} has already expired: ")]
    [InlineData("""{ "dueTime": "1h", "ttl": "2030-01-01T00:00:00Z", "period": "1m" }""", "")]
    public async Task Unparsable_or_expired_times_fail_with_ERR_ACTOR_REMINDER_CREATE_in_daprds_words(string body, string detail)
    {
        var (id, _) = NewReminder();
        var response = await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/bad", body);
        if (detail.Length == 0)
        {
            DaprAssert.NoContent(response);
            DaprAssert.NoContent(await world.Host.DeleteAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/bad"));
            return;
        }

        var error = DaprAssert.Error(response, 500, "ERR_ACTOR_REMINDER_CREATE");
        Assert.StartsWith("error creating actor reminder: " + detail.Replace("{key}", $"{ActorTypes.Counter}||{id}||bad"), error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Reminder_operations_for_a_type_this_app_does_not_host_fail_with_403_ERR_ACTOR_REMINDER_NON_HOSTED()
    {
        var reminder = $"/v1.0/actors/{ActorTypes.Counter}/a1/reminders/r";
        DaprAssert.Error(await world.Caller.PostJsonAsync(reminder, "{}"), 403, "ERR_ACTOR_REMINDER_NON_HOSTED");
        DaprAssert.Error(await world.Caller.GetAsync(reminder), 403, "ERR_ACTOR_REMINDER_NON_HOSTED");
        DaprAssert.Error(await world.Caller.DeleteAsync(reminder), 403, "ERR_ACTOR_REMINDER_NON_HOSTED");
        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Unhosted}/a1/reminders/r", "{}"), 403, "ERR_ACTOR_REMINDER_NON_HOSTED");
    }

    [Fact]
    public async Task A_malformed_reminder_body_fails_with_ERR_MALFORMED_REQUEST()
    {
        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/a1/reminders/r", "{ nope"), 400, "ERR_MALFORMED_REQUEST");
    }

    private async Task AssertFiresOnceAsync(string dueTime)
    {
        var (id, remind) = NewReminder();
        var created = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/once", $$"""{ "dueTime": "{{dueTime}}" }"""));

        var fired = await world.App.WaitForCountAsync("PUT", remind + "once", 1);
        if (dueTime.Length > 0 && dueTime != "PT0S") Assert.True(fired[0].ReceivedAt - created >= TimeSpan.FromMilliseconds(150), $"fired too early for {dueTime}");
        Assert.Equal(dueTime, fired[0].Json().GetProperty("dueTime").GetString());
        await Poll.UntilAsync(async () => (await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/reminders/once")).Text,
            text => text == "null", "the one-shot reminder is removed");
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", remind + "once").Count == 1, TimeSpan.FromMilliseconds(300), "fires once");
    }

    /// <summary>A fresh actor id and the app path its reminders arrive on (append the reminder name).</summary>
    private static (string Id, string RemindPath) NewReminder()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return (id, $"/actors/{ActorTypes.Counter}/{id}/method/remind/");
    }
}
