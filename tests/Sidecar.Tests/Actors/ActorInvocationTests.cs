using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>Actor method calls (reference §6.1, §6.4): placement, turn-based concurrency, reentrancy, error mapping.</summary>
[Collection(ActorCollection.Name)]
public sealed class ActorInvocationTests(ActorFixture world)
{
    private static readonly TimeSpan TurnLength = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_call_reaches_the_app_as_PUT_with_query_headers_and_body_and_returns_its_answer()
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path == $"/actors/{ActorTypes.Counter}/{id}/method/greet"
            ? Task.FromResult(new AppReply(200, "{\"hello\":\"actor\"}", "application/json", new Dictionary<string, string> { ["x-answer"] = "42" }))
            : null);

        var response = await world.Host.SendAsync(HttpMethod.Post, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/greet?lang=en",
            SidecarUnderTest.Content("{\"name\":\"x\"}", "application/json"), new Dictionary<string, string> { ["x-custom"] = "yes" });

        DaprAssert.JsonEquivalent("{\"hello\":\"actor\"}", DaprAssert.Json(response));
        Assert.Equal("42", response.Header("x-answer"));
        var received = Assert.Single(world.App.Matching("PUT", $"/actors/{ActorTypes.Counter}/{id}/method/greet"));
        Assert.Equal("?lang=en", received.QueryString);
        Assert.Equal("yes", received.Header("x-custom"));
        Assert.Equal("{\"name\":\"x\"}", received.BodyText);
        Assert.False(received.HasHeader("Dapr-Reentrancy-Id"), "reentrancy is off for this type");
    }

    [Fact]
    public async Task Parallel_calls_to_one_actor_never_overlap()
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path.StartsWith($"/actors/{ActorTypes.Counter}/{id}/", StringComparison.Ordinal)
            ? Task.FromResult(AppReply.Empty() with { Delay = TurnLength })
            : null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/work{i}")));

        Assert.All(responses, response => DaprAssert.Status(response, 200));
        var turns = world.App.TurnsOf($"/actors/{ActorTypes.Counter}/{id}/");
        Assert.Equal(5, turns.Count);
        Assert.DoesNotContain(turns, turn => turns.Any(other => other != turn && other.Overlaps(turn)));
    }

    [Fact]
    public async Task Different_actor_ids_run_concurrently()
    {
        var (first, second) = (NewId(), NewId());
        using var bothInside = new CountdownEvent(2);
        using var _ = world.App.Handle(r => r.Path.EndsWith("/method/meet", StringComparison.Ordinal)
                                            && (r.Path.Contains(first, StringComparison.Ordinal) || r.Path.Contains(second, StringComparison.Ordinal))
            ? Task.Run(() =>
            {
                bothInside.Signal();
                // Each call waits until the other is inside too: only possible when they run at the same time.
                return bothInside.Wait(TimeSpan.FromSeconds(5)) ? AppReply.Empty() : AppReply.Empty(504);
            })
            : null);

        var responses = await Task.WhenAll(
            world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{first}/method/meet"),
            world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{second}/method/meet"));

        Assert.All(responses, response => DaprAssert.Status(response, 200));
    }

    [Fact]
    public async Task A_call_through_a_sidecar_without_the_type_reaches_the_hosting_sidecar()
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path == $"/actors/{ActorTypes.Counter}/{id}/method/where"
            ? Task.FromResult(AppReply.Text("host"))
            : null);

        var response = await world.Caller.SendAsync(HttpMethod.Get, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/where");

        DaprAssert.Status(response, 200);
        Assert.Equal("host", response.Text);
        Assert.Single(world.App.Matching("PUT", $"/actors/{ActorTypes.Counter}/{id}/method/where"));
    }

    [Fact]
    public async Task Reentrant_calls_with_the_reentrancy_id_enter_the_held_turn()
    {
        var id = NewId();
        using var _ = RecurseHandler(id, new ConcurrentBag<ApiResponse>());

        var response = await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Reentrant}/{id}/method/recurse?depth={ActorTypes.MaxStackDepth}");

        DaprAssert.Status(response, 200);
        var calls = world.App.Matching("PUT", $"/actors/{ActorTypes.Reentrant}/{id}/method/recurse");
        Assert.Equal(ActorTypes.MaxStackDepth, calls.Count);
        Assert.Single(calls.Select(c => c.Header("Dapr-Reentrancy-Id")).Distinct());
        Assert.False(string.IsNullOrEmpty(calls[0].Header("Dapr-Reentrancy-Id")));
    }

    [Fact]
    public async Task A_reentrant_chain_deeper_than_maxStackDepth_fails_with_ERR_ACTOR_STACK_DEPTH()
    {
        var id = NewId();
        var nested = new ConcurrentBag<ApiResponse>();
        using var _ = RecurseHandler(id, nested);

        var response = await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Reentrant}/{id}/method/recurse?depth={ActorTypes.MaxStackDepth + 1}");

        DaprAssert.Error(response, 500, "ERR_ACTOR_INVOKE_METHOD");
        // The innermost call is refused by the sidecar; each level above passes the failure on as an actor error.
        var refused = nested.Single(inner => inner.Text.StartsWith("{\"errorCode\":\"ERR_ACTOR_STACK_DEPTH\"", StringComparison.Ordinal));
        DaprAssert.Error(refused, 500, "ERR_ACTOR_STACK_DEPTH");
        Assert.Equal(ActorTypes.MaxStackDepth, world.App.Matching("PUT", $"/actors/{ActorTypes.Reentrant}/{id}/method/recurse").Count);
    }

    [Theory]
    [InlineData(500, "error from actor service: (500) boom")]
    [InlineData(404, "actor method not found: actors/{type}/{id}/method/fail")]
    public async Task A_non_200_answer_becomes_ERR_ACTOR_INVOKE_METHOD(int status, string detail)
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path == $"/actors/{ActorTypes.Counter}/{id}/method/fail" ? Task.FromResult(AppReply.Text("boom", status)) : null);

        var response = await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/fail");

        var error = DaprAssert.Error(response, 500, "ERR_ACTOR_INVOKE_METHOD");
        Assert.Equal("error invoke actor method: " + detail.Replace("{type}", ActorTypes.Counter).Replace("{id}", id),
            error.GetProperty("message").GetString());
        Assert.Single(world.App.Matching("PUT", $"/actors/{ActorTypes.Counter}/{id}/method/fail"));
    }

    [Fact]
    public async Task A_failure_answered_by_another_sidecar_is_wrapped_as_it_comes_back_over_daprds_internal_gRPC()
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path == $"/actors/{ActorTypes.Counter}/{id}/method/fail" ? Task.FromResult(AppReply.Text("nope", 409)) : null);

        var response = await world.Caller.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/fail");

        var error = DaprAssert.Error(response, 500, "ERR_ACTOR_INVOKE_METHOD");
        Assert.Equal("error invoke actor method: rpc error: code = Internal desc = error invoke actor method: error from actor service: (409) nope",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_answer_with_X_DaprErrorResponseHeader_is_passed_on_unchanged()
    {
        var id = NewId();
        using var _ = world.App.Handle(r => r.Path == $"/actors/{ActorTypes.Counter}/{id}/method/throws"
            ? Task.FromResult(new AppReply(200, "{\"exception\":\"x\"}", "application/json", new Dictionary<string, string> { ["X-DaprErrorResponseHeader"] = "true" }))
            : null);

        var response = await world.Caller.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Counter}/{id}/method/throws");

        DaprAssert.Status(response, 200);
        Assert.Equal("true", response.Header("X-DaprErrorResponseHeader"));
        Assert.Equal("{\"exception\":\"x\"}", response.Text);
    }

    [Fact]
    public async Task A_type_no_app_hosts_fails_with_daprds_lookup_error()
    {
        var response = await world.Caller.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Unhosted}/a1/method/m");

        var error = DaprAssert.Error(response, 500, "ERR_ACTOR_INVOKE_METHOD");
        Assert.Contains($"did not find address for actor '{ActorTypes.Unhosted}/a1'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_an_actor_state_store_every_actor_route_fails_with_ERR_ACTOR_RUNTIME_NOT_FOUND()
    {
        var prefix = $"/v1.0/actors/{ActorTypes.Counter}/a1";
        DaprAssert.Error(await world.Plain.SendAsync(HttpMethod.Put, prefix + "/method/m"), 500, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        DaprAssert.Error(await world.Plain.GetAsync(prefix + "/state/k"), 500, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        DaprAssert.Error(await world.Plain.PostJsonAsync(prefix + "/state", "[]"), 500, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        DaprAssert.Error(await world.Plain.PostJsonAsync(prefix + "/reminders/r", "{}"), 500, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        DaprAssert.Error(await world.Plain.PostJsonAsync(prefix + "/timers/t", "{}"), 500, "ERR_ACTOR_RUNTIME_NOT_FOUND");
    }

    [Fact]
    public async Task Metadata_reports_the_actor_runtime_and_active_actors()
    {
        var id = NewId();
        DaprAssert.Status(await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Other}/{id}/method/touch"), 200);

        var host = DaprAssert.Json(await world.Host.GetAsync("/v1.0/metadata"));
        var runtime = host.GetProperty("actorRuntime");
        Assert.Equal("RUNNING", runtime.GetProperty("runtimeStatus").GetString());
        Assert.True(runtime.GetProperty("hostReady").GetBoolean());
        Assert.Equal("placement: connected", runtime.GetProperty("placement").GetString());
        var other = runtime.GetProperty("activeActors").EnumerateArray().Single(a => a.GetProperty("type").GetString() == ActorTypes.Other);
        Assert.True(other.GetProperty("count").GetInt32() >= 1);
        Assert.Contains(host.GetProperty("actors").EnumerateArray(), a => a.GetProperty("type").GetString() == ActorTypes.Other);

        var plain = DaprAssert.Json(await world.Plain.GetAsync("/v1.0/metadata"));
        Assert.Equal("DISABLED", plain.GetProperty("actorRuntime").GetProperty("runtimeStatus").GetString());
        DaprAssert.NoProperty(plain, "actors");
    }

    /// <summary>
    /// The app side of a reentrant chain: "recurse?depth=n" calls the same actor through the sidecar with depth n-1,
    /// copying Dapr-Reentrancy-Id as reentrant apps must, and passes a failed nested answer on.
    /// </summary>
    private IDisposable RecurseHandler(string id, ConcurrentBag<ApiResponse> nested) => world.App.Handle(request =>
    {
        if (request.Path != $"/actors/{ActorTypes.Reentrant}/{id}/method/recurse") return null;
        return Task.Run(async () =>
        {
            var depth = int.Parse(request.QueryString["?depth=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            if (depth <= 1) return AppReply.Empty();
            var inner = await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{ActorTypes.Reentrant}/{id}/method/recurse?depth={depth - 1}",
                headers: new Dictionary<string, string> { ["Dapr-Reentrancy-Id"] = request.Header("Dapr-Reentrancy-Id") ?? "" });
            nested.Add(inner);
            return inner.Status == 200 ? AppReply.Empty() : AppReply.Json(inner.Text, inner.Status);
        });
    });

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
