using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>Actor state (reference §6.1): transactional writes only while active on this host, reads of raw JSON.</summary>
[Collection(ActorCollection.Name)]
public sealed class ActorStateTests(ActorFixture world)
{
    [Fact]
    public async Task An_active_actor_saves_and_reads_its_state()
    {
        var id = await ActivateAsync(ActorTypes.Counter);
        var state = $"/v1.0/actors/{ActorTypes.Counter}/{id}/state";

        DaprAssert.NoContent(await world.Host.PostJsonAsync(state, """
            [ { "operation": "upsert", "request": { "key": "balance", "value": { "amount": 120 } } },
              { "operation": "upsert", "request": { "key": "pending", "value": "x" } } ]
            """));
        DaprAssert.NoContent(await world.Host.SendAsync(HttpMethod.Put, state,
            SidecarUnderTest.Content("""[ { "operation": "delete", "request": { "key": "pending" } } ]""", "application/json")));

        DaprAssert.JsonEquivalent("{\"amount\":120}", DaprAssert.Json(await world.Host.GetAsync(state + "/balance")));
        DaprAssert.NoContent(await world.Host.GetAsync(state + "/pending"));
        DaprAssert.NoContent(await world.Host.GetAsync(state + "/never-written"));
    }

    [Fact]
    public async Task State_is_isolated_between_actor_ids_and_between_types()
    {
        var id = await ActivateAsync(ActorTypes.Counter);
        var otherId = await ActivateAsync(ActorTypes.Counter);
        await ActivateAsync(ActorTypes.Other, id);

        await SaveAsync(ActorTypes.Counter, id, "\"counter-of-id\"");
        await SaveAsync(ActorTypes.Counter, otherId, "\"counter-of-other-id\"");
        await SaveAsync(ActorTypes.Other, id, "\"other-type-same-id\"");

        Assert.Equal("\"counter-of-id\"", (await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/state/k")).Text);
        Assert.Equal("\"counter-of-other-id\"", (await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{otherId}/state/k")).Text);
        Assert.Equal("\"other-type-same-id\"", (await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Other}/{id}/state/k")).Text);
    }

    [Fact]
    public async Task Writes_for_an_actor_not_active_on_this_sidecar_fail_with_ERR_ACTOR_INSTANCE_MISSING()
    {
        var body = """[ { "operation": "upsert", "request": { "key": "k", "value": 1 } } ]""";
        DaprAssert.Error(await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{Guid.NewGuid():N}/state", body), 400, "ERR_ACTOR_INSTANCE_MISSING");

        // Active on the host, but this sidecar is not the host.
        var id = await ActivateAsync(ActorTypes.Counter);
        DaprAssert.Error(await world.Caller.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/state", body), 400, "ERR_ACTOR_INSTANCE_MISSING");
    }

    [Fact]
    public async Task ttlInSeconds_without_the_ActorStateTTL_feature_fails_the_whole_transaction()
    {
        var id = await ActivateAsync(ActorTypes.Counter);
        var response = await world.Host.PostJsonAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/state", """
            [ { "operation": "upsert", "request": { "key": "plain", "value": 1 } },
              { "operation": "upsert", "request": { "key": "expiring", "value": 2, "metadata": { "ttlInSeconds": "60" } } } ]
            """);

        DaprAssert.Error(response, 500, "ERR_ACTOR_STATE_TRANSACTION_SAVE");
        DaprAssert.NoContent(await world.Host.GetAsync($"/v1.0/actors/{ActorTypes.Counter}/{id}/state/plain"));
    }

    [Fact]
    public async Task Store_failures_and_bad_operations_fail_with_ERR_ACTOR_STATE_TRANSACTION_SAVE_and_bad_bodies_with_ERR_MALFORMED_REQUEST()
    {
        var id = await ActivateAsync(ActorTypes.Counter);
        var state = $"/v1.0/actors/{ActorTypes.Counter}/{id}/state";

        DaprAssert.Error(await world.Host.PostJsonAsync(state, """[ { "operation": "upsert", "request": { "key": "k", "value": 1, "etag": "999" } } ]"""),
            500, "ERR_ACTOR_STATE_TRANSACTION_SAVE");
        DaprAssert.Error(await world.Host.PostJsonAsync(state, """[ { "operation": "merge", "request": { "key": "k", "value": 1 } } ]"""),
            500, "ERR_ACTOR_STATE_TRANSACTION_SAVE");
        DaprAssert.Error(await world.Host.PostJsonAsync(state, """[ { "operation": "upsert", "request": { "value": 1 } } ]"""),
            500, "ERR_ACTOR_STATE_TRANSACTION_SAVE");
        DaprAssert.Error(await world.Host.PostJsonAsync(state, "{\"operations\":[]}"), 400, "ERR_MALFORMED_REQUEST");
        DaprAssert.Error(await world.Host.PostJsonAsync(state, "[ not json"), 400, "ERR_MALFORMED_REQUEST");
    }

    private async Task SaveAsync(string actorType, string id, string valueJson) =>
        DaprAssert.NoContent(await world.Host.PostJsonAsync($"/v1.0/actors/{actorType}/{id}/state",
            $$"""[ { "operation": "upsert", "request": { "key": "k", "value": {{valueJson}} } } ]"""));

    /// <summary>An actor is active on its host once a call ran there.</summary>
    private async Task<string> ActivateAsync(string actorType, string? id = null)
    {
        id ??= Guid.NewGuid().ToString("N")[..12];
        DaprAssert.Status(await world.Host.SendAsync(HttpMethod.Put, $"/v1.0/actors/{actorType}/{id}/method/activate"), 200);
        return id;
    }
}
