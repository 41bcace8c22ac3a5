using System.Net;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Dapr.Tests.Client;

[Collection(SidecarCollection.Name)]
public sealed class SidecarApiTests(SidecarFixture sidecar)
{
    private readonly DaprClient _client = sidecar.Client;

    [Fact]
    public async Task Metadata_reports_the_app_id_and_the_subscriptions_read_from_dapr_subscribe()
    {
        var metadata = await _client.GetMetadataAsync();

        Assert.Equal(SidecarFixture.AppId, metadata.Id);
        var subscription = Assert.Single(metadata.Subscriptions, subscription => subscription.Topic == SidecarFixture.EventsTopic);
        Assert.Equal("pubsub", subscription.PubsubName);
        Assert.Equal("/events/json", Assert.Single(subscription.Rules!).Path);
        Assert.Contains(metadata.Components, component => component is { Name: "pubsub", Type: "pubsub.in-memory" });
    }

    [Fact]
    public async Task Extended_metadata_set_by_the_client_is_reported_back()
    {
        var value = Guid.NewGuid().ToString();

        await _client.SetMetadataAsync("testRun", value);

        Assert.Equal(value, (await _client.GetMetadataAsync()).Extended["testRun"]);
    }

    [Fact]
    public async Task A_ready_sidecar_is_healthy_both_ways_and_wait_for_sidecar_returns()
    {
        Assert.True(await _client.CheckHealthAsync());
        Assert.True(await _client.CheckOutboundHealthAsync());
        await _client.WaitForSidecarAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
    }

    [Fact]
    public async Task An_unreachable_sidecar_is_unhealthy_and_wait_for_sidecar_waits_until_cancelled()
    {
        using var client = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{FreePort.Next()}").Build();

        Assert.False(await client.CheckHealthAsync());
        Assert.False(await client.CheckOutboundHealthAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForSidecarAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(300)).Token));
    }

    [Fact]
    public async Task The_apps_readiness_follows_its_sidecar()
    {
        var response = await sidecar.App.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Shutdown_asks_the_sidecar_to_stop()
    {
        await using var shared = new SharedResources();
        await using var host = await SidecarHost.StartAsync(
            new SidecarOptions { AppId = "shutdown-test", DaprHttpPort = 0, DaprInternalPort = 0 }, shared, NullLoggerFactory.Instance, CancellationToken.None);
        using var client = new DaprClientBuilder().UseHttpEndpoint(host.HttpEndpoint.ToString()).UseDaprApiToken(null).Build();

        await client.ShutdownSidecarAsync();

        await host.ShutdownRequested.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
