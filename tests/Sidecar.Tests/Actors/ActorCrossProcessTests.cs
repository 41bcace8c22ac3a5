using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;
using DaprShop.Sidecar.Tests.Runner;
using DaprShop.Testing;
using TempDirectory = DaprShop.Sidecar.Tests.Conformance.Infrastructure.TempDirectory;

namespace DaprShop.Sidecar.Tests.Actors;

/// <summary>
/// Placement between processes: the hosting sidecar runs as its own process (daprd flags), publishes its actor types in
/// the on-disk registry, and receives calls over its internal port, answering with the app's reply or its own error.
/// </summary>
public sealed class ActorCrossProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sidecar_places_calls_on_a_host_in_another_process()
    {
        using var directory = new TempDirectory("actors-process");
        var resources = ActorFixture.WriteActorResources(directory, "resources");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var actorType = "remote-" + suffix;
        await using var app = await ActorApp.StartAsync(ActorTypes.AppConfig(actorType));
        using var _ = app.Handle(r => r.Path.EndsWith("/method/fail", StringComparison.Ordinal) ? Task.FromResult(AppReply.Text("nope", 409)) : null);
        using var host = new SidecarProcess("--app-id", "remote-host-" + suffix, "--app-port", $"{app.Port}",
            "--dapr-http-port", $"{FreePort.Next()}", "--resources-path", resources);
        await host.Output.WaitForLineAsync("You're up and running!", Patience);
        await using var shared = new SharedResources();
        await using var caller = await SidecarUnderTest.StartAsync(ActorFixture.Options("remote-caller-" + suffix, resources, appPort: null), shared);
        await caller.WaitUntilReadyAsync();

        var answer = await caller.SendAsync(HttpMethod.Post, $"/v1.0/actors/{actorType}/a1/method/hello?x=1",
            SidecarUnderTest.Content("{\"n\":1}", "application/json"));
        var failure = await caller.SendAsync(HttpMethod.Put, $"/v1.0/actors/{actorType}/a1/method/fail");

        DaprAssert.Status(answer, 200);
        var received = Assert.Single(app.Matching("PUT", $"/actors/{actorType}/a1/method/hello"));
        Assert.Equal(("?x=1", "{\"n\":1}"), (received.QueryString, received.BodyText));
        Assert.False(received.HasHeader("dapr-actor-forwarded"), "the forwarding marker never reaches the app");
        var error = DaprAssert.Error(failure, 500, "ERR_ACTOR_INVOKE_METHOD");
        Assert.Equal("error invoke actor method: rpc error: code = Internal desc = error invoke actor method: error from actor service: (409) nope",
            error.GetProperty("message").GetString());
    }
}
