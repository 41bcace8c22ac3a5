using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>
/// What needs sidecars and apps of its own: reminders surviving restarts of the sidecar and of the app, draining on
/// shutdown, and placement over several hosts of one type.
/// </summary>
public sealed class ActorHostLifecycleTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("actors-lifecycle");
    private readonly List<IAsyncDisposable> _started = [];
    private readonly Dictionary<SidecarUnderTest, SharedResources> _sharedOf = [];
    private string _resources = null!;

    public Task InitializeAsync()
    {
        _resources = ActorFixture.WriteActorResources(_directory, "resources");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_reminder_fires_again_after_the_sidecar_restarts_on_the_same_store()
    {
        var app = await StartAppAsync();
        var id = NewId();
        var fires = $"/actors/{ActorTypes.Own}/{id}/method/remind/tick";
        var first = await StartSidecarAsync(app);
        DaprAssert.NoContent(await first.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick", """{ "period": "200ms", "data": "persisted" }"""));
        await app.WaitForCountAsync("PUT", fires, 1);

        await StopAsync(first);
        var firedBefore = app.Matching("PUT", fires).Count;
        var second = await StartSidecarAsync(app);

        var fired = await app.WaitForCountAsync("PUT", fires, firedBefore + 2);
        Assert.Equal("\"persisted\"", fired[^1].Json().GetProperty("data").GetRawText());
        Assert.Equal("200ms", DaprAssert.String(DaprAssert.Json(await second.GetAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick")), "period"));
    }

    [Fact]
    public async Task Reminders_in_several_storage_partitions_fire_again_after_the_sidecar_restarts()
    {
        var app = Track(await ActorApp.StartAsync($$"""{ "entities": ["{{ActorTypes.Own}}"], "remindersStoragePartitions": 4 }"""));
        var ids = Enumerable.Range(0, 8).Select(_ => NewId()).ToList();
        var partitioning = new ReminderPartitioning(ActorTypes.Own, "any", 4);
        Assert.True(ids.Select(id => partitioning.PartitionOf(id, "tick")).Distinct().Count() > 1, "spread over several partitions");
        var first = await StartSidecarAsync(app);
        foreach (var id in ids)
            DaprAssert.NoContent(await first.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick", """{ "period": "200ms" }"""));
        foreach (var id in ids) await app.WaitForCountAsync("PUT", Fires(id), 1);

        await StopAsync(first);
        var firedBefore = ids.ToDictionary(id => id, id => app.Matching("PUT", Fires(id)).Count);
        await StartSidecarAsync(app);

        foreach (var id in ids) await app.WaitForCountAsync("PUT", Fires(id), firedBefore[id] + 1);

        static string Fires(string id) => $"/actors/{ActorTypes.Own}/{id}/method/remind/tick";
    }

    [Fact]
    public async Task A_reminder_with_repetitions_resumes_its_count_after_a_sidecar_restart()
    {
        var app = await StartAppAsync();
        var id = NewId();
        var fires = $"/actors/{ActorTypes.Own}/{id}/method/remind/thrice";
        var first = await StartSidecarAsync(app);
        DaprAssert.NoContent(await first.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/thrice", """{ "period": "R3/PT1S" }"""));
        await app.WaitForCountAsync("PUT", fires, 1);

        await StopAsync(first);
        await StartSidecarAsync(app);

        await app.WaitForCountAsync("PUT", fires, 3);
        await Poll.StaysTrueAsync(() => app.Matching("PUT", fires).Count == 3, TimeSpan.FromMilliseconds(1200), "no fourth tick");
    }

    [Fact]
    public async Task A_reminder_fires_at_a_new_app_after_app_and_sidecar_restart()
    {
        var firstApp = await StartAppAsync();
        var id = NewId();
        var fires = $"/actors/{ActorTypes.Own}/{id}/method/remind/tick";
        var first = await StartSidecarAsync(firstApp);
        DaprAssert.NoContent(await first.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick", """{ "dueTime": "100ms", "period": "200ms" }"""));
        await firstApp.WaitForCountAsync("PUT", fires, 1);
        await StopAsync(first);
        await StopAsync(firstApp);

        var secondApp = await StartAppAsync();
        await StartSidecarAsync(secondApp);

        await secondApp.WaitForCountAsync("PUT", fires, 2);
    }

    [Fact]
    public async Task A_reminder_reaches_the_app_again_once_it_restarts_on_its_port()
    {
        var firstApp = await StartAppAsync();
        var id = NewId();
        var fires = $"/actors/{ActorTypes.Own}/{id}/method/remind/tick";
        var sidecar = await StartSidecarAsync(firstApp);
        DaprAssert.NoContent(await sidecar.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick", """{ "period": "150ms" }"""));
        await firstApp.WaitForCountAsync("PUT", fires, 1);

        await StopAsync(firstApp);
        var secondApp = await StartAppAsync(firstApp.Port);

        await secondApp.WaitForCountAsync("PUT", fires, 2);
    }

    [Fact]
    public async Task Shutdown_drains_calls_in_flight_then_deactivates_active_actors()
    {
        var app = await StartAppAsync();
        var sidecar = await StartSidecarAsync(app);
        var (idle, busy) = (NewId(), NewId());
        using var _ = app.Handle(r => r.Path.EndsWith("/method/slow", StringComparison.Ordinal)
            ? Task.FromResult(AppReply.Text("done") with { Delay = TimeSpan.FromMilliseconds(300) })
            : null);
        DaprAssert.Status(await sidecar.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Own}/{idle}/method/hello"), 200);
        var inFlight = sidecar.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Own}/{busy}/method/slow");
        await Poll.UntilAsync(() => app.Matching("PUT", $"/actors/{ActorTypes.Own}/{busy}/method/slow").Count == 1, "the slow call reached the app");

        await StopAsync(sidecar);

        var answer = await inFlight;
        DaprAssert.Status(answer, 200);
        Assert.Equal("done", answer.Text);
        Assert.Single(app.Matching("DELETE", $"/actors/{ActorTypes.Own}/{idle}"));
        var deactivated = Assert.Single(app.Matching("DELETE", $"/actors/{ActorTypes.Own}/{busy}"));
        Assert.True(deactivated.ReceivedAt >= app.TurnsOf($"/actors/{ActorTypes.Own}/{busy}/method/slow").Single().Ended, "deactivated only after the call ended");
    }

    [Fact]
    public async Task Every_call_to_the_app_carries_APP_API_TOKEN_as_dapr_api_token()
    {
        var app = await StartAppAsync();
        var sidecar = await StartSidecarAsync(app, appApiToken: "app-s3cret");
        var id = NewId();

        DaprAssert.Status(await sidecar.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Own}/{id}/method/m",
            headers: new Dictionary<string, string> { ["dapr-api-token"] = "from-the-client" }), 200);
        DaprAssert.NoContent(await sidecar.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/once", "{}"));
        await app.WaitForCountAsync("PUT", $"/actors/{ActorTypes.Own}/{id}/method/remind/once", 1);
        await StopAsync(sidecar);

        var calls = app.Requests;
        var actor = $"/actors/{ActorTypes.Own}/{id}";
        Assert.Equal(["GET /dapr/config", "GET /dapr/subscribe", $"PUT {actor}/method/m", $"PUT {actor}/method/remind/once", $"DELETE {actor}"],
            calls.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(calls, call => Assert.Equal("app-s3cret", call.Header("dapr-api-token")));
    }

    [Fact]
    public async Task With_several_hosts_an_id_always_lands_on_the_same_one()
    {
        var (firstApp, secondApp) = (await StartAppAsync(), await StartAppAsync());
        await StartSidecarAsync(firstApp, "own-host-1");
        await StartSidecarAsync(secondApp, "own-host-2");
        var caller = await StartSidecarAsync(app: null, "own-caller");
        var ids = Enumerable.Range(0, 16).Select(_ => NewId()).ToList();

        for (var round = 0; round < 2; round++)
        {
            foreach (var id in ids) DaprAssert.Status(await caller.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Own}/{id}/method/where"), 200);
        }

        foreach (var id in ids)
        {
            var path = $"/actors/{ActorTypes.Own}/{id}/method/where";
            var counts = (firstApp.Matching("PUT", path).Count, secondApp.Matching("PUT", path).Count);
            Assert.True(counts is (2, 0) or (0, 2), $"{id} was split between hosts: {counts}");
        }
        Assert.Contains(ids, id => firstApp.Matching("PUT", $"/actors/{ActorTypes.Own}/{id}/method/where").Count > 0);
        Assert.Contains(ids, id => secondApp.Matching("PUT", $"/actors/{ActorTypes.Own}/{id}/method/where").Count > 0);
    }

    [Fact]
    public async Task A_reminder_runs_on_the_host_its_actor_is_placed_on_whichever_host_created_it()
    {
        var (firstApp, secondApp) = (await StartAppAsync(), await StartAppAsync());
        var first = await StartSidecarAsync(firstApp, "own-host-1");
        await StartSidecarAsync(secondApp, "own-host-2");
        // An id placed on the second host: the first call activates it there.
        var id = await FirstIdPlacedOnAsync(first, secondApp);
        var fires = $"/actors/{ActorTypes.Own}/{id}/method/remind/tick";

        DaprAssert.NoContent(await first.PostJsonAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick", """{ "period": "300ms" }"""));
        await secondApp.WaitForCountAsync("PUT", fires, 2);
        Assert.Empty(firstApp.Matching("PUT", fires));

        DaprAssert.NoContent(await first.DeleteAsync($"/v1.0/actors/{ActorTypes.Own}/{id}/reminders/tick"));
        // The owner notices the deletion at its next evaluation (every 2s) and fires no more after that.
        await Poll.UntilAsync(() => DateTimeOffset.UtcNow - secondApp.Matching("PUT", fires)[^1].ReceivedAt > TimeSpan.FromSeconds(1),
            "the owner stops firing", TimeSpan.FromSeconds(5));
        Assert.Empty(firstApp.Matching("PUT", fires));
    }

    private static async Task<string> FirstIdPlacedOnAsync(SidecarUnderTest sidecar, ActorApp host)
    {
        while (true)
        {
            var id = NewId();
            DaprAssert.Status(await sidecar.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Own}/{id}/method/where"), 200);
            if (host.Matching("PUT", $"/actors/{ActorTypes.Own}/{id}/method/where").Count == 1) return id;
        }
    }

    private async Task<ActorApp> StartAppAsync(int port = 0) => Track(await ActorApp.StartAsync(ActorTypes.AppConfig(ActorTypes.Own), port));

    /// <summary>A sidecar with its own SharedResources, so stopping it closes its SQLite connection as a real restart does.</summary>
    private async Task<SidecarUnderTest> StartSidecarAsync(ActorApp? app, string appId = "own-host", string? appApiToken = null)
    {
        var shared = Track(new SharedResources());
        var options = ActorFixture.Options(appId, _resources, app?.Port) with { AppApiToken = appApiToken };
        var sidecar = Track(await SidecarUnderTest.StartAsync(options, shared));
        _sharedOf[sidecar] = shared;
        await sidecar.WaitUntilReadyAsync();
        return sidecar;
    }

    private T Track<T>(T started) where T : IAsyncDisposable
    {
        _started.Add(started);
        return started;
    }

    /// <summary>Stops an app, or a sidecar together with its shared resources (closing its store).</summary>
    private async Task StopAsync(IAsyncDisposable started)
    {
        _started.Remove(started);
        await started.DisposeAsync();
        if (started is SidecarUnderTest sidecar && _sharedOf.Remove(sidecar, out var shared))
        {
            _started.Remove(shared);
            await shared.DisposeAsync();
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public async Task DisposeAsync()
    {
        // In reverse start order: each sidecar before its shared resources, and before any app started ahead of it.
        foreach (var started in Enumerable.Reverse(_started)) await started.DisposeAsync();
        _directory.Dispose();
    }
}
