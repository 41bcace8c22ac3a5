using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Dapr;
using DaprShop.Notification.Events;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Notification.Tests.Infrastructure;

/// <summary>
/// The notification app as Program.cs builds it, behind the real local sidecar (SQLite state, in-memory pubsub, the
/// <c>email</c> binding as bindings.localstorage into <see cref="EmailDirectory"/>), and an <see cref="IdentityStandIn"/>
/// behind a sidecar named identity. Tests publish through notification's own sidecar (<see cref="Publisher"/>) and
/// watch the app's topic deliveries (<see cref="Deliveries"/>: CloudEvent id and the status the app answered).
/// All sidecars register in a private name registry, so no other test run on the machine can answer as identity.
/// </summary>
public sealed class NotificationCluster : IAsyncLifetime
{
    private const string DaprApiToken = "sidecar-token-for-notification-tests";
    private const string AppApiToken = "app-token-for-notification-tests";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-notification-tests-").FullName;
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _running = [];

    public string EmailDirectory => Path.Combine(_directory, "email");

    public IdentityStandIn Identity { get; private set; } = null!;

    public DaprClient Publisher { get; private set; } = null!;

    public ConcurrentQueue<(string EventId, string Status)> Deliveries { get; } = new();

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR", Path.Combine(_directory, "registry"));
        var resources = Path.Combine(_directory, "notification-resources");
        await WriteComponentsAsync(resources);
        var noResources = Directory.CreateDirectory(Path.Combine(_directory, "no-resources")).FullName;

        Identity = await IdentityStandIn.StartAsync(AppApiToken);
        _running.Add(Identity);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Identity, Identity.App.BaseAddress.Port, FreePort.Next(), noResources, _directory, DaprApiToken, AppApiToken, _shared));

        var notificationDaprPort = FreePort.Next();
        var notification = await StartNotificationAsync(notificationDaprPort);
        _running.Add(notification);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Notification, notification.BaseAddress.Port, notificationDaprPort, resources, _directory, DaprApiToken, AppApiToken, _shared));
        Publisher = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{notificationDaprPort}").UseDaprApiToken(DaprApiToken).Build();
    }

    public async Task DisposeAsync()
    {
        Publisher?.Dispose();
        // Sidecars before their apps, in reverse order of start.
        for (var i = _running.Count - 1; i >= 0; i--) await _running[i].DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Publishes <paramref name="data"/> as the CloudEvent <paramref name="eventId"/>; the same id twice is a redelivery.</summary>
    public Task PublishAsync<T>(string topic, T data, string eventId) =>
        Publisher.PublishEventAsync(ComponentNames.PubSub, topic, data, new Dictionary<string, string> { ["cloudevent.id"] = eventId });

    public string EmailPath(string fileName) => Path.Combine(EmailDirectory, fileName);

    public EmailFile ReadEmail(string fileName) => EmailFile.Parse(File.ReadAllText(EmailPath(fileName)));

    /// <summary>How often the app answered a delivery of <paramref name="eventId"/> with <paramref name="status"/> (SUCCESS, RETRY, DROP).</summary>
    public int DeliveriesOf(string eventId, string status) => Deliveries.Count(delivery => delivery.EventId == eventId && delivery.Status == status);

    private async Task<LoopbackApp> StartNotificationAsync(int daprHttpPort)
    {
        var builder = LoopbackApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["LOG_LEVEL"] = "Warning",
        }, applicationName: typeof(NotificationServiceCollectionExtensions).Assembly.GetName().Name);

        // As Program.cs, with a recorder of topic deliveries in front.
        builder.AddServiceDefaults();
        builder.Services.AddNotification();
        var app = builder.Build();
        app.Use(RecordDeliveryAsync);
        app.UseServiceDefaults();
        app.MapEventSubscriptions();
        return await LoopbackApp.StartAsync(app);
    }

    /// <summary>Notes each answered topic delivery: its CloudEvent id and the status in the app's answer.</summary>
    private async Task RecordDeliveryAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(SidecarOnlyRoutes.Events))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        answer.Position = 0;
        var status = context.Response.StatusCode != StatusCodes.Status200OK
            ? context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : JsonDocument.Parse(answer.ToArray()).RootElement.GetProperty("status").GetString()!;
        await answer.CopyToAsync(original);
        if (context.GetCloudEvent() is { } cloudEvent) Deliveries.Enqueue((cloudEvent.Id, status));
    }

    private async Task WriteComponentsAsync(string resourcesPath)
    {
        Directory.CreateDirectory(EmailDirectory);
        await TestComponents.WriteInMemoryPubSubAsync(resourcesPath, ComponentNames.PubSub);
        await TestComponents.WriteSqliteStateAsync(resourcesPath, Path.Combine(_directory, "state.db"), ComponentNames.StateStore);
        await TestComponents.WriteLocalStorageBindingAsync(resourcesPath, EmailDirectory, ComponentNames.EmailBinding);
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationClusterCollection : ICollectionFixture<NotificationCluster>
{
    /// <summary>One cluster for every integration test class (in-process sidecars resolve app ids process-wide).</summary>
    public const string Name = "notification cluster";
}
