using System.Net.Sockets;
using DaprShop.Actors.Tests.Infrastructure;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Actors.Tests;

/// <summary>
/// The actor app behind the real local sidecar (<see cref="SidecarHost"/>, actor state in <c>state.sqlite</c>), API
/// tokens on in both directions: proxies call through the sidecar, which calls the app's actor endpoints.
/// </summary>
public sealed class ActorSidecarEndToEndTests : IAsyncLifetime
{
    private const string DaprApiToken = "sidecar-token-for-actor-tests";
    private const string AppApiToken = "app-token-for-actor-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-actor-tests-").FullName;
    private readonly SharedResources _shared = new();
    private LoopbackApp _app = null!;
    private SidecarHost _sidecar = null!;
    private ActorProxyFactory _proxies = null!;

    private ActorJournal Journal => _app.App.Services.GetRequiredService<ActorJournal>();

    public async Task InitializeAsync()
    {
        var resourcesPath = Path.Combine(_directory, "resources");
        await TestComponents.WriteActorStateStoreAsync(resourcesPath, Path.Combine(_directory, "actors.db"), "statestore");

        var daprHttpPort = FreePort.Next();
        _app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<ActorJournal>();
                builder.Services.AddActors(options =>
                {
                    options.Actors.RegisterActor<CounterActor>(CounterActor.TypeName);
                    options.ActorIdleTimeout = TimeSpan.FromSeconds(2);
                    options.ReentrancyConfig = new ActorReentrancyConfig { Enabled = true };
                });
            },
            app =>
            {
                app.UseRouting();
                app.UseDaprAppApiToken(token => token.Token = AppApiToken);
                app.MapActorsHandlers();
            },
            new Dictionary<string, string?>
            {
                ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
                ["DAPR_API_TOKEN"] = DaprApiToken,
            });

        _sidecar = await TestSidecar.StartAsync(
            "actor-tests", _app.BaseAddress.Port, daprHttpPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared);
        _proxies = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = _sidecar.HttpEndpoint.ToString(), DaprApiToken = DaprApiToken });
    }

    public async Task DisposeAsync()
    {
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_counter_counts_through_a_proxy_and_its_failures_come_back_typed()
    {
        var counter = _proxies.CreateActorProxy<ICounterActor>(new ActorId("e2e-1"), CounterActor.TypeName);

        Assert.Equal(2, await counter.IncrementAsync(new Amount(2)));
        Assert.Equal(5, await counter.IncrementAsync(new Amount(3)));
        var failure = await Assert.ThrowsAsync<ActorMethodInvocationException>(counter.FailAfterWritingAsync);
        Assert.Equal("System.InvalidOperationException", failure.RemoteExceptionType);
        Assert.Equal(5, await counter.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_actor_calling_itself_re_enters_through_its_reentrancy_id_instead_of_deadlocking()
    {
        var counter = _proxies.CreateActorProxy<ICounterActor>(new ActorId("e2e-4"), CounterActor.TypeName);

        var nested = await counter.CallOtherCounterAsync("e2e-4").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("1", nested);
        Assert.Equal(1, await counter.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var counter = _proxies.CreateActorProxy<ICounterActor>(new ActorId("e2e-2"), CounterActor.TypeName);
        await counter.IncrementAsync(new Amount(7));

        await Eventually(() => Journal.Entries.Contains("deactivate e2e-2"), TimeSpan.FromSeconds(30));

        Assert.Equal(8, await counter.IncrementAsync(new Amount(1)));
        Assert.Equal(2, Journal.Entries.Count(entry => entry == "activate e2e-2"));
    }

    [Fact]
    public async Task A_reminder_fires_with_its_data()
    {
        var counter = _proxies.CreateActorProxy<ICounterActor>(new ActorId("e2e-3"), CounterActor.TypeName);

        await counter.ScheduleReminderAsync("ring");

        await Eventually(() => Journal.Entries.Any(entry => entry.StartsWith("reminder e2e-3:wake:ring")), TimeSpan.FromSeconds(30));
    }

    private static async Task Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(100);
        }
    }

}
