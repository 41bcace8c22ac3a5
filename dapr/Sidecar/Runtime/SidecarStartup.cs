using System.Net;
using DaprShop.Sidecar.Actors;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Bindings;
using DaprShop.Sidecar.Messaging;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// daprd's start-up order once resources are loaded and the API serves (reference §12): wait for the app port →
/// (app healthy) → GET /dapr/config → hosted actor types and their reminders → subscriptions and input bindings → ready. Then, with app health checks on,
/// keeps probing the app.
/// </summary>
public sealed class SidecarStartup(SidecarRuntime runtime, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan DefaultDeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger = loggerFactory.CreateLogger("runtime");
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly List<Task> _background = [];

    public async Task RunAsync(CancellationToken stopping)
    {
        if (runtime.App is { } app)
        {
            _logger.LogInformation("Waiting for the app on port {Port}", runtime.Options.AppPort);
            await app.WaitForPortAsync(stopping);
            _logger.LogInformation("App port {Port} is open", runtime.Options.AppPort);
            if (runtime.Options.EnableAppHealthCheck)
            {
                runtime.IsAppHealthy = false;
                _background.Add(ProbeAppHealthAsync(app, stopping));
                while (!runtime.IsAppHealthy) await Task.Delay(50, stopping);
            }
            runtime.AppConfig = await ReadAppConfigAsync(app, stopping);
            await runtime.Actors.StartAsync(ActorHostConfig.Parse(runtime.AppConfig), loggerFactory, stopping);
            await StartSubscriptionsAsync(app, stopping);
            await StartInputBindingsAsync(app, stopping);
        }
        runtime.IsReady = true;
        _logger.LogInformation("dapr initialized. Status: Running. App id: {AppId}", runtime.Options.AppId);
    }

    public async ValueTask StopAsync()
    {
        foreach (var subscription in _subscriptions) await subscription.DisposeAsync();
        _subscriptions.Clear();
        await Task.WhenAll(_background.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task<string?> ReadAppConfigAsync(AppChannel app, CancellationToken stopping)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dapr/config");
            request.Headers.TryAddWithoutValidation("dapr-app-id", runtime.Options.AppId);
            using var response = await app.SendAsync(request, stopping);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(stopping) : null;
        }
        catch (HttpRequestException error)
        {
            _logger.LogWarning("GET /dapr/config failed: {Error}", error.Message);
            return null;
        }
    }

    private async Task StartSubscriptionsAsync(AppChannel app, CancellationToken stopping)
    {
        var programmatic = await ProgrammaticSubscriptions.FetchAsync(app, runtime.Options.AppId, _logger, stopping);
        var declarative = runtime.Resources.Subscriptions.Where(s => s.IsScopedTo(runtime.Options.AppId));
        foreach (var resource in declarative.Concat(programmatic))
        {
            if (!runtime.Components.PubSubs.TryGetValue(resource.PubsubName, out var pubsub))
            {
                _logger.LogWarning("Subscription to {Topic} names pubsub {PubSub}, which is not loaded; skipping it", resource.Topic, resource.PubsubName);
                continue;
            }
            if (runtime.Subscriptions.Any(s => s.PubsubName == resource.PubsubName && s.Topic == resource.Topic))
            {
                _logger.LogWarning("A subscription to {PubSub}/{Topic} already exists; ignoring the duplicate", resource.PubsubName, resource.Topic);
                continue;
            }
            TopicSubscription subscription;
            try
            {
                subscription = TopicSubscription.Compile(resource);
            }
            catch (FormatException error)
            {
                _logger.LogError("Subscription to {Topic} rejected: {Error}", resource.Topic, error.Message);
                continue;
            }
            var (retry, timeout) = runtime.ComponentInboundPolicy(resource.PubsubName);
            var delivery = new SubscriptionDelivery(
                subscription, pubsub.PubSub, app, retry, timeout ?? DefaultDeliveryTimeout, () => runtime.IsAppHealthy,
                loggerFactory.CreateLogger($"pubsub/{resource.Topic}"));
            var consumerGroup = pubsub.Resource.Metadata.FirstOrDefault(m => m.Name == "consumerID")?.Value is { Length: > 0 } consumerId
                ? consumerId
                : runtime.Options.AppId;
            _subscriptions.Add(pubsub.PubSub.Subscribe(resource.Topic, consumerGroup, delivery.HandleAsync));
            runtime.Subscriptions.Add(subscription);
            _logger.LogInformation("Subscribed to {PubSub}/{Topic} ({Kind})", resource.PubsubName, resource.Topic, resource.Kind);
        }
    }

    private async Task StartInputBindingsAsync(AppChannel app, CancellationToken stopping)
    {
        foreach (var binding in runtime.Components.InputBindings.Values)
        {
            if (!await AppWantsBindingAsync(app, binding, stopping))
            {
                _logger.LogInformation("App does not listen on /{Route}; input binding {Name} not started", binding.Route, binding.Resource.Name);
                continue;
            }
            _background.Add(RunInputBindingAsync(app, binding, stopping));
            _logger.LogInformation("Input binding {Name} started on /{Route}", binding.Resource.Name, binding.Route);
        }
    }

    /// <summary>daprd sends OPTIONS /{route}: 2xx or 405 means the app wants the binding's events.</summary>
    private static async Task<bool> AppWantsBindingAsync(AppChannel app, InputBindingComponent binding, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/" + binding.Route.TrimStart('/'));
        using var response = await app.SendAsync(request, stopping);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.MethodNotAllowed;
    }

    private async Task RunInputBindingAsync(AppChannel app, InputBindingComponent binding, CancellationToken stopping)
    {
        try
        {
            await binding.Binding.ReadAsync(async (bindingEvent, cancellationToken) =>
            {
                if (!runtime.IsAppHealthy) return;
                using var request = new HttpRequestMessage(HttpMethod.Post, "/" + binding.Route.TrimStart('/'))
                {
                    Content = new ByteArrayContent(bindingEvent.Data),
                };
                request.Content.Headers.ContentType = new("application/json");
                foreach (var (key, value) in bindingEvent.Metadata) request.Headers.TryAddWithoutValidation(key, value);
                try
                {
                    using var response = await app.SendAsync(request, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                        _logger.LogWarning("Input binding {Name}: app answered {Status}", binding.Resource.Name, (int)response.StatusCode);
                }
                catch (HttpRequestException error)
                {
                    _logger.LogWarning("Input binding {Name}: delivery failed: {Error}", binding.Resource.Name, error.Message);
                }
            }, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is BindingException or IOException)
        {
            _logger.LogError("Input binding {Name} stopped: {Error}", binding.Resource.Name, error.Message);
        }
    }

    /// <summary>App health probing as daprd does with --enable-app-health-check: GET path, 2xx healthy, threshold failures unhealthy.</summary>
    private async Task ProbeAppHealthAsync(AppChannel app, CancellationToken stopping)
    {
        var failures = 0;
        var options = runtime.Options;
        while (!stopping.IsCancellationRequested)
        {
            var healthy = false;
            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                probe.CancelAfter(options.AppHealthProbeTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Get, options.AppHealthCheckPath);
                using var response = await app.SendAsync(request, probe.Token);
                healthy = response.IsSuccessStatusCode;
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !stopping.IsCancellationRequested)
            {
            }
            failures = healthy ? 0 : failures + 1;
            var wasHealthy = runtime.IsAppHealthy;
            if (healthy && !wasHealthy)
            {
                runtime.IsAppHealthy = true;
                _logger.LogInformation("App is healthy");
            }
            else if (!healthy && wasHealthy && failures >= options.AppHealthThreshold)
            {
                runtime.IsAppHealthy = false;
                _logger.LogWarning("App is unhealthy; pausing deliveries");
            }
            try
            {
                await Task.Delay(runtime.IsAppHealthy ? options.AppHealthProbeInterval : TimeSpan.FromMilliseconds(Math.Min(500, options.AppHealthProbeInterval.TotalMilliseconds)), stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
