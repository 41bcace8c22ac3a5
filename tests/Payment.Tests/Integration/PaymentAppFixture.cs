using System.Collections.Concurrent;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Dapr;
using DaprShop.Payment.Api;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Webhooks;
using DaprShop.Sidecar.Components;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Payment.Tests.Integration;

/// <summary>
/// Payment's real web app behind the real local sidecar (API tokens on in both directions) with <c>statestore</c>
/// (state.sqlite), <c>pubsub</c> (in-memory) and <c>secretstore</c> (a local file: <c>payment-provider=simulated</c> and
/// a webhook secret), so payments run on the simulated provider and its signed webhooks. A stand-in for ordering (app
/// id <c>ordering</c>, behind its own sidecar) subscribes to the four payment topics and calls payment as ordering does.
/// </summary>
public sealed class PaymentAppFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_payment_tests_secret";

    private const string DaprApiToken = "sidecar-token-for-payment-tests";
    private const string AppApiToken = "app-token-for-payment-tests";

    private static readonly string[] PaymentTopics = [Topics.PaymentSucceeded, Topics.PaymentFailed, Topics.PaymentRequiresAction, Topics.PaymentRefunded];

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-payment-tests-").FullName;
    private readonly SharedResources _shared = new();
    private readonly List<IAsyncDisposable> _running = [];
    private readonly SemaphoreSlim _outcomeArrived = new(0);

    public ConcurrentQueue<(string Topic, string CloudEventId, PaymentOutcome Outcome)> Outcomes { get; } = new();

    /// <summary>Calls payment through ordering's sidecar, so payment sees caller app id <c>ordering</c>.</summary>
    public HttpClient AsOrdering { get; private set; } = null!;

    /// <summary>Calls payment through its own sidecar, so the caller app id is <c>payment</c>.</summary>
    public HttpClient AsPayment { get; private set; } = null!;

    /// <summary>Payment's sidecar, for driving the simulated provider directly on payment's state store.</summary>
    public DaprClient Dapr { get; private set; } = null!;

    /// <summary>Calls payment's port directly, without the app API token.</summary>
    public HttpClient Direct { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A private registry keeps other test runs on this machine from resolving "payment" and "ordering".
        Environment.SetEnvironmentVariable("DAPRSHOP_REGISTRY_DIR", Path.Combine(_directory, "registry"));
        var resourcesPath = Path.Combine(_directory, "resources");
        await WriteComponentsAsync(resourcesPath);

        // The subscriber first, so its subscriptions exist before payment publishes anything.
        var orderingDaprPort = FreePort.Next();
        var ordering = await StartOrderingStandInAsync();
        _running.Add(ordering);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Ordering, ordering.BaseAddress.Port, orderingDaprPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared));

        var paymentDaprPort = FreePort.Next();
        var payment = await StartPaymentAsync(paymentDaprPort);
        _running.Add(payment);
        _running.Add(await TestSidecar.StartAsync(
            AppIds.Payment, payment.BaseAddress.Port, paymentDaprPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared));

        AsOrdering = InvokeClient(orderingDaprPort);
        AsPayment = InvokeClient(paymentDaprPort);
        Direct = new HttpClient { BaseAddress = payment.BaseAddress };
        Dapr = new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{paymentDaprPort}").UseDaprApiToken(DaprApiToken).Build();
    }

    /// <summary>Waits until ordering received an outcome of <paramref name="topic"/> for the order, and returns them all.</summary>
    /// <remarks>Tests of one collection run one at a time, so one waiter consumes the arrival signals.</remarks>
    public async Task<IReadOnlyList<PaymentOutcome>> WaitForOutcomesAsync(Guid orderId, string topic, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (OutcomesFor(orderId, topic).Count < count) await _outcomeArrived.WaitAsync(timeout.Token);
        return OutcomesFor(orderId, topic);
    }

    public IReadOnlyList<PaymentOutcome> OutcomesFor(Guid orderId, string topic) =>
        [.. Outcomes.Where(received => received.Topic == topic && received.Outcome.OrderId == orderId).Select(received => received.Outcome)];

    public async Task DisposeAsync()
    {
        AsOrdering.Dispose();
        AsPayment.Dispose();
        Direct.Dispose();
        Dapr.Dispose();
        _outcomeArrived.Dispose();
        // Sidecars before their apps, in reverse order of start.
        for (var i = _running.Count - 1; i >= 0; i--) await _running[i].DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static HttpClient InvokeClient(int daprPort)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{daprPort}/v1.0/invoke/{AppIds.Payment}/method/") };
        client.DefaultRequestHeaders.Add("dapr-api-token", DaprApiToken);
        return client;
    }

    private Task<LoopbackApp> StartPaymentAsync(int daprHttpPort)
    {
        var builder = LoopbackApp.CreateBuilder(
            new Dictionary<string, string?>
            {
                ["APP_API_TOKEN"] = AppApiToken,
                ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
                ["DAPR_API_TOKEN"] = DaprApiToken,
                ["APP_ID"] = AppIds.Payment,
                ["LOG_LEVEL"] = "Warning",
            },
            applicationName: typeof(PaymentServiceCollectionExtensions).Assembly.GetName().Name);
        builder.AddServiceDefaults();
        builder.Services.AddPayment(builder.Configuration);
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapPaymentsApi();
        app.MapStripeWebhookApi();
        return LoopbackApp.StartAsync(app);
    }

    private Task<LoopbackApp> StartOrderingStandInAsync() =>
        LoopbackApp.StartAsync(
            _ => { },
            app =>
            {
                app.UseRouting();
                app.UseDaprAppApiToken(token => token.Token = AppApiToken);
                app.UseCloudEvents();
                foreach (var topic in PaymentTopics)
                {
                    app.MapPost(SidecarOnlyRoutes.ForTopic(topic), (JsonElement data, CloudEventAttributes cloudEvent) =>
                    {
                        Outcomes.Enqueue((topic, cloudEvent.Id, data.Deserialize<PaymentOutcome>(JsonSerializerOptions.Web)!));
                        _outcomeArrived.Release();
                        return TopicResults.Success();
                    }).WithTopic(ComponentNames.PubSub, topic);
                }

                app.MapSubscribeHandler();
            });

    /// <summary>The embedded default's component types; statestore doubles as the actor store, as in dapr/components.</summary>
    private async Task WriteComponentsAsync(string resourcesPath)
    {
        await TestComponents.WriteActorStateStoreAsync(resourcesPath, Path.Combine(_directory, "state.db"), ComponentNames.StateStore);
        await TestComponents.WriteInMemoryPubSubAsync(resourcesPath, ComponentNames.PubSub);
        var secretsFile = Path.Combine(_directory, "secrets.json");
        await File.WriteAllTextAsync(secretsFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [PaymentSecrets.Provider] = PaymentProvider.Simulated,
            [PaymentSecrets.WebhookSecret] = WebhookSecret,
        }));
        await TestComponents.WriteLocalFileSecretStoreAsync(resourcesPath, secretsFile, ComponentNames.SecretStore);
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentAppCollection : ICollectionFixture<PaymentAppFixture>
{
    /// <summary>One payment app and sidecar for every integration test class (in-process sidecars resolve app ids process-wide).</summary>
    public const string Name = "payment app";
}
