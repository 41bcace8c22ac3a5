using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Dapr;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DaprShop.Actors.Tests.Outbox;

/// <summary>
/// An app using <see cref="TransactionalOutbox"/> as a service does (outbox actor hosted, actor endpoints mapped),
/// behind the real local sidecar with SQLite state and an in-memory broker, API tokens on in both directions. The app
/// also subscribes to <see cref="Topic"/>, so it sees every event it publishes, with its CloudEvent id.
/// </summary>
public sealed class OutboxApp : IAsyncLifetime
{
    public const string AppId = "outbox-tests";
    public const string StoreName = "statestore";
    public const string PubsubName = "pubsub";
    public const string Topic = "outbox-test-events";

    private const string DaprApiToken = "sidecar-token-for-outbox-tests";
    private const string AppApiToken = "app-token-for-outbox-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-outbox-tests-").FullName;
    private readonly SharedResources _shared = new();
    private LoopbackApp _app = null!;
    private SidecarHost _sidecar = null!;

    public ConcurrentQueue<(string CloudEventId, JsonElement Data)> Deliveries { get; } = new();

    public TransactionalOutbox Outbox => Services.GetRequiredService<TransactionalOutbox>();

    /// <summary>Read for every commit, so a test sets the retry interval it needs before it commits.</summary>
    public OutboxOptions Options => Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

    public DaprClient Dapr => Services.GetRequiredService<DaprClient>();

    private IServiceProvider Services => _app.App.Services;

    public async Task InitializeAsync()
    {
        var resources = Path.Combine(_directory, "resources");
        await TestComponents.WriteActorStateStoreAsync(resources, Path.Combine(_directory, "state.db"), StoreName);
        await TestComponents.WriteInMemoryPubSubAsync(resources, PubsubName);

        var daprHttpPort = FreePort.Next();
        var sidecarEndpoint = $"http://127.0.0.1:{daprHttpPort}";
        _app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.Services.AddDaprClient(client => client.UseHttpEndpoint(sidecarEndpoint).UseDaprApiToken(DaprApiToken));
                builder.Services.AddTransactionalOutbox(StoreName, AppId);
            },
            app =>
            {
                app.UseRouting();
                app.UseDaprAppApiToken(token => token.Token = AppApiToken);
                app.MapActorsHandlers();
                app.MapGet("/dapr/subscribe", () => Results.Json(new[] { new { pubsubname = PubsubName, topic = Topic, route = "/events/" + Topic } }));
                app.MapPost("/events/" + Topic, (JsonElement cloudEvent) =>
                {
                    Deliveries.Enqueue((cloudEvent.GetProperty("id").GetString()!, cloudEvent.GetProperty("data").Clone()));
                    return Results.Ok();
                });
            },
            new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = sidecarEndpoint, ["DAPR_API_TOKEN"] = DaprApiToken });
        _sidecar = await TestSidecar.StartAsync(AppId, _app.BaseAddress.Port, daprHttpPort, resources, _directory, DaprApiToken, AppApiToken, _shared);
    }

    public async Task DisposeAsync()
    {
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public IReadOnlyList<JsonElement> DeliveredWithId(string eventId) => [.. Deliveries.Where(delivery => delivery.CloudEventId == eventId).Select(delivery => delivery.Data)];

    public Task<OutboxEvent?> FindRecordAsync(string eventId) => Dapr.GetStateAsync<OutboxEvent>(StoreName, OutboxEvent.StateKeyOf(eventId));

    public Task<IActorReminder?> FindReminderAsync(string eventId) =>
        Services.GetRequiredService<ActorSidecarClient>().GetReminderAsync(Outbox.ActorTypeName, eventId, OutboxReminder.Name, CancellationToken.None);

    /// <summary>Arms a reminder as <see cref="TransactionalOutbox.TryCommitAsync"/> does, without any transaction after it.</summary>
    public Task ArmWithoutTransactionAsync(string eventId, DateTimeOffset armedAt) =>
        Services.GetRequiredService<ActorSidecarClient>().RegisterReminderAsync(
            Outbox.ActorTypeName, eventId, OutboxReminder.Name, OutboxReminder.Data(armedAt),
            Options.RetryInterval, Options.RetryInterval, ttl: null, CancellationToken.None);

    /// <summary>Polls, as the outcome comes from reminders and the broker in other tasks.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition()) await Task.Delay(50, timeout.Token);
    }
}
