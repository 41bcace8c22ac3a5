using System.Net;
using System.Text;
using System.Text.Json;
using DaprShop.Actors.Tests.Infrastructure;

namespace DaprShop.Actors.Tests;

/// <summary>The app side of the actor protocol, driven over HTTP exactly as daprd drives it.</summary>
public sealed class ActorHostingTests : IAsyncLifetime
{
    private ActorApp _app = null!;

    public async Task InitializeAsync() => _app = await ActorApp.StartAsync(options =>
    {
        options.ActorIdleTimeout = TimeSpan.FromMinutes(5);
        options.ReentrancyConfig = new ActorReentrancyConfig { Enabled = true, MaxStackDepth = 8 };
        options.RemindersStoragePartitions = 16;
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Config_lists_the_actor_types_with_go_durations_reentrancy_and_reminder_partitions()
    {
        using var response = await _app.CallAsync(HttpMethod.Get, "/dapr/config");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = config.RootElement;
        Assert.Equal(["PlainActor", "counter"], root.GetProperty("entities").EnumerateArray().Select(entity => entity.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("0h5m0s0ms", root.GetProperty("actorIdleTimeout").GetString());
        Assert.Equal("0h1m0s0ms", root.GetProperty("drainOngoingCallTimeout").GetString());
        Assert.True(root.GetProperty("reentrancy").GetProperty("enabled").GetBoolean());
        Assert.Equal(8, root.GetProperty("reentrancy").GetProperty("maxStackDepth").GetInt32());
        Assert.Equal(16, root.GetProperty("remindersStoragePartitions").GetInt32());
    }

    [Fact]
    public async Task Endpoints_keep_the_app_token_requirement()
    {
        using var client = new HttpClient { BaseAddress = _app.App.BaseAddress };

        using var config = await client.GetAsync("/dapr/config");
        using var method = await client.PutAsync("/actors/counter/a/method/GetAsync", null);

        Assert.Equal(HttpStatusCode.Unauthorized, config.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, method.StatusCode);
    }

    [Fact]
    public async Task A_method_call_activates_once_runs_the_hooks_and_saves_its_changes_in_one_transaction()
    {
        using var first = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c1/method/IncrementAsync", """{"value":2}""");
        using var second = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c1/method/IncrementAsync", """{"value":3}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("2", await first.Content.ReadAsStringAsync());
        Assert.Equal("5", await second.Content.ReadAsStringAsync());
        Assert.Equal(
            ["activate c1", "pre IncrementAsync ActorInterfaceMethod", "post IncrementAsync", "pre IncrementAsync ActorInterfaceMethod", "post IncrementAsync"],
            _app.Journal.Entries);
        Assert.Equal(2, _app.Sidecar.StateTransactions.Count);
        Assert.Equal("/v1.0/actors/counter/c1/state", _app.Sidecar.StateTransactions[0].Path);
        Assert.Equal("""[{"operation":"upsert","request":{"key":"count","value":2}}]""", _app.Sidecar.StateTransactions[0].Body);
        // The first turn read the key once; the second used the activation's cache.
        Assert.Single(_app.Sidecar.StateReads);
    }

    [Fact]
    public async Task A_turn_that_changes_nothing_sends_no_state_transaction()
    {
        _app.Sidecar.State["counter/c2/count"] = "7";

        using var response = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c2/method/GetAsync");

        Assert.Equal("7", await response.Content.ReadAsStringAsync());
        Assert.Empty(_app.Sidecar.StateTransactions);
    }

    [Fact]
    public async Task Deactivation_runs_OnDeactivateAsync_and_the_next_call_reactivates_from_stored_state()
    {
        using var increment = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c3/method/IncrementAsync", """{"value":4}""");
        using var deactivate = await _app.CallAsync(HttpMethod.Delete, "/actors/counter/c3");
        using var again = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c3/method/IncrementAsync", """{"value":1}""");

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal("5", await again.Content.ReadAsStringAsync());
        Assert.Equal(["activate c3", "deactivate c3", "activate c3"], _app.Journal.Entries.Where(entry => !entry.StartsWith("p")));
        Assert.Equal(2, _app.Sidecar.StateReads.Count);
    }

    [Fact]
    public async Task Deactivating_an_inactive_actor_is_not_an_error()
    {
        using var response = await _app.CallAsync(HttpMethod.Delete, "/actors/counter/never-called");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_app.Journal.Entries);
    }

    [Fact]
    public async Task An_exception_answers_500_with_its_type_and_message_and_drops_the_turns_changes()
    {
        using var failed = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c4/method/FailAfterWritingAsync");
        using var read = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c4/method/GetAsync");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var body = await failed.Content.ReadAsStringAsync();
        Assert.Equal("""{"exceptionType":"System.InvalidOperationException","message":"counter refuses"}""", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Equal("0", await read.Content.ReadAsStringAsync());
        Assert.Equal(["pre FailAfterWritingAsync ActorInterfaceMethod"], _app.Journal.Entries.Where(entry => entry.Contains("FailAfterWriting")));
        Assert.DoesNotContain(_app.Sidecar.StateTransactions, transaction => transaction.Body.Contains("-1"));
    }

    [Theory]
    [InlineData("/actors/nosuchtype/x/method/GetAsync")]
    [InlineData("/actors/counter/x/method/NoSuchMethod")]
    [InlineData("/actors/nosuchtype/x/method/remind/r")]
    public async Task Unknown_actor_types_and_methods_answer_404(string path)
    {
        using var response = await _app.CallAsync(HttpMethod.Put, path, "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_app.Journal.Entries);
    }

    [Fact]
    public async Task An_unreadable_argument_answers_400_without_activating()
    {
        using var response = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c5/method/IncrementAsync", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_app.Journal.Entries);
    }

    [Fact]
    public async Task A_reminder_registered_with_bytes_is_delivered_with_the_same_bytes()
    {
        using var schedule = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c6/method/ScheduleReminderAsync", "\"hello\"");
        var registration = Assert.Single(_app.Sidecar.Requests, request => request.Path == "/v1.0/actors/counter/c6/reminders/wake");
        Assert.Equal("PUT", registration.Method);
        using var registered = JsonDocument.Parse(registration.Body);
        Assert.Equal("0h0m5s0ms", registered.RootElement.GetProperty("dueTime").GetString());
        Assert.Equal("", registered.RootElement.GetProperty("period").GetString());
        Assert.Equal(Convert.ToBase64String("hello"u8), registered.RootElement.GetProperty("data").GetString());

        // daprd echoes data verbatim.
        var delivery = $$"""{"data":{{registered.RootElement.GetProperty("data").GetRawText()}},"dueTime":"0h0m5s0ms","period":""}""";
        using var fired = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c6/method/remind/wake", delivery);

        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Contains("reminder c6:wake:hello:00:00:05:00:00:00", _app.Journal.Entries);
        Assert.Contains("pre ReceiveReminderAsync ReminderMethod", _app.Journal.Entries);
    }

    [Fact]
    public async Task A_registered_reminder_reads_back_with_its_bytes_and_schedule_and_an_unknown_one_as_null()
    {
        using var schedule = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c12/method/ScheduleReminderAsync", "\"later\"");

        using var known = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c12/method/DescribeReminderAsync", "\"wake\"");
        using var unknown = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c12/method/DescribeReminderAsync", "\"nope\"");

        Assert.Equal("\"wake:later:00:00:05:00:00:00\"", await known.Content.ReadAsStringAsync());
        Assert.Equal("\"none\"", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reminder_with_raw_json_data_is_delivered_as_its_utf8_text()
    {
        using var fired = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c7/method/remind/other", """{"data":{"reason":"idle"},"dueTime":"15m","period":"R3/PT1H"}""");

        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Contains("""reminder c7:other:{"reason":"idle"}:00:15:00:01:00:00""", _app.Journal.Entries);
    }

    [Fact]
    public async Task A_reminder_for_an_actor_that_is_not_remindable_answers_404_and_cancels_it()
    {
        using var fired = await _app.CallAsync(HttpMethod.Put, "/actors/PlainActor/p/method/remind/r", "{}");

        Assert.Equal(HttpStatusCode.NotFound, fired.StatusCode);
        Assert.Equal("true", Assert.Single(fired.Headers.GetValues("X-DaprReminderCancel")));
    }

    [Fact]
    public async Task A_timer_is_registered_with_its_callback_and_fires_that_method_with_its_data()
    {
        using var start = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c8/method/StartTimerAsync", "\"tock\"");
        var registration = Assert.Single(_app.Sidecar.Requests, request => request.Path == "/v1.0/actors/counter/c8/timers/tick");
        Assert.Equal(
            $$"""{"callback":"OnTickAsync","dueTime":"0h0m1s0ms","period":"0h1m30s0ms","data":"{{Convert.ToBase64String("tock"u8)}}"}""",
            registration.Body);

        using var fired = await _app.CallAsync(
            HttpMethod.Put, "/actors/counter/c8/method/timer/tick", $$"""{"callback":"OnTickAsync","data":"{{Convert.ToBase64String("tock"u8)}}","dueTime":"1s","period":"90s"}""");

        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Contains("timer c8:tock", _app.Journal.Entries);
        Assert.Contains("pre OnTickAsync TimerMethod", _app.Journal.Entries);
    }

    [Fact]
    public async Task A_timer_with_an_unknown_callback_answers_404_and_cancels_it()
    {
        using var fired = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c9/method/timer/t", """{"callback":"Missing"}""");

        Assert.Equal(HttpStatusCode.NotFound, fired.StatusCode);
        Assert.True(fired.Headers.Contains("X-DaprReminderCancel"));
    }

    [Fact]
    public async Task A_call_to_another_actor_from_a_turn_carries_the_turns_reentrancy_id()
    {
        _app.Sidecar.MethodResponder = _ => (200, "1");

        using var response = await _app.CallAsync(HttpMethod.Put, "/actors/counter/c10/method/CallOtherCounterAsync", "\"c11\"", reentrancyId: "chain-42");

        Assert.Equal("\"1\"", await response.Content.ReadAsStringAsync());
        var call = Assert.Single(_app.Sidecar.Requests, request => request.Path == "/v1.0/actors/counter/c11/method/IncrementAsync");
        Assert.Equal("PUT", call.Method);
        Assert.Equal("""{"value":1}""", call.Body);
        Assert.Equal("chain-42", call.Headers["Dapr-Reentrancy-Id"]);
    }

    [Fact]
    public async Task Without_reentrancy_the_callers_id_is_not_passed_on()
    {
        await using var app = await ActorApp.StartAsync(options => options.ReentrancyConfig.Enabled = false);
        app.Sidecar.MethodResponder = _ => (200, "1");

        using var response = await app.CallAsync(HttpMethod.Put, "/actors/counter/c10/method/CallOtherCounterAsync", "\"c11\"", reentrancyId: "chain-42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(app.Sidecar.Requests, request => request.Path.EndsWith("/method/IncrementAsync")).Headers.ContainsKey("Dapr-Reentrancy-Id"));
    }
}
