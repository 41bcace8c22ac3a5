using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>Timers and idle deactivation (reference §6.2–6.4): in-memory ticks that end with the activation.</summary>
[Collection(ActorCollection.Name)]
public sealed class ActorTimerTests(ActorFixture world)
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task A_timer_fires_with_daprds_callback_body_until_deleted()
    {
        var id = NewId();
        var timer = $"/v1.0/actors/{ActorTypes.Counter}/{id}/timers/tick";
        var fires = $"/actors/{ActorTypes.Counter}/{id}/method/timer/tick";

        DaprAssert.NoContent(await world.Host.PostJsonAsync(timer, """{ "dueTime": "100ms", "period": "150ms", "callback": "OnTick", "data": "abc" }"""));
        var fired = await world.App.WaitForCountAsync("PUT", fires, 2);
        DaprAssert.JsonEquivalent("""{ "callback": "OnTick", "data": "abc", "dueTime": "100ms", "period": "150ms" }""", fired[0].Json());

        DaprAssert.NoContent(await world.Host.DeleteAsync(timer));
        var count = world.App.Matching("PUT", fires).Count;
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", fires).Count <= count + 1, QuietWindow, "no ticks after delete");
    }

    [Fact]
    public async Task X_DaprReminderCancel_stops_a_timer_too()
    {
        var id = NewId();
        var fires = $"/actors/{ActorTypes.Counter}/{id}/method/timer/cancel";
        using var _ = world.App.Handle(r => r.Path == fires
            ? Task.FromResult(new AppReply(Headers: new Dictionary<string, string> { ["X-DaprReminderCancel"] = "yes" })) // any truthy value
            : null);

        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/timers/cancel", """{ "period": "100ms" }"""));

        await world.App.WaitForCountAsync("PUT", fires, 1);
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", fires).Count == 1, QuietWindow, "no tick after cancel");
    }

    [Fact]
    public async Task An_idle_actor_is_deactivated_with_DELETE_and_its_state_writes_are_refused_afterwards()
    {
        var id = NewId();
        DaprAssert.Status(await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Idle}/{id}/method/hello"), 200);

        await world.App.WaitForCountAsync("DELETE", $"/actors/{ActorTypes.Idle}/{id}", 1);

        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Idle}/{id}/state",
            """[ { "operation": "upsert", "request": { "key": "k", "value": 1 } } ]"""), 400, "ERR_ACTOR_INSTANCE_MISSING");
        // A later call activates it again.
        DaprAssert.Status(await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Idle}/{id}/method/again"), 200);
        await world.App.WaitForCountAsync("DELETE", $"/actors/{ActorTypes.Idle}/{id}", 2);
    }

    [Fact]
    public async Task Timers_vanish_when_their_actor_is_deactivated()
    {
        var id = NewId();
        var timerDue = TimeSpan.FromMilliseconds(1200);
        DaprAssert.Status(await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Idle}/{id}/method/hello"), 200);
        var created = DateTimeOffset.UtcNow;
        // Due well after the 300ms idle timeout: the actor goes idle first, and the timer must go with it.
        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Idle}/{id}/timers/late", $$"""{ "dueTime": "{{timerDue.TotalMilliseconds}}ms" }"""));

        await world.App.WaitForCountAsync("DELETE", $"/actors/{ActorTypes.Idle}/{id}", 1);
        var pastDue = created + timerDue + TimeSpan.FromMilliseconds(300) - DateTimeOffset.UtcNow;
        await Poll.StaysTrueAsync(() => world.App.Matching("PUT", $"/actors/{ActorTypes.Idle}/{id}/method/timer/late").Count == 0,
            pastDue > TimeSpan.Zero ? pastDue : TimeSpan.Zero, "the timer never fires");
    }

    [Fact]
    public async Task Timer_errors_are_ERR_ACTOR_TIMER_CREATE()
    {
        var unhosted = DaprAssert.Error(await world.Caller.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/a1/timers/t", "{}"), 500, "ERR_ACTOR_TIMER_CREATE");
        Assert.Equal($"error creating actor timer: can't create timer for actor {ActorTypes.Counter}||a1: actor type not registered",
            unhosted.GetProperty("message").GetString());
        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/a1/timers/t", """{ "period": "R0/PT1S" }"""),
            500, "ERR_ACTOR_TIMER_CREATE");
        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/a1/timers/t", "not json"), 400, "ERR_MALFORMED_REQUEST");
        DaprAssert.NoContent(await world.Host.DeleteAsync($"/v1.0/actors/{ActorTypes.Counter}/a1/timers/never-created"));
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
