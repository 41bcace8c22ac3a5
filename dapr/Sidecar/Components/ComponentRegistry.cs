using DaprShop.Sidecar.Resources;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;

namespace DaprShop.Sidecar.Components;

/// <summary>The components one sidecar has loaded, by category and name.</summary>
public sealed class ComponentRegistry : IAsyncDisposable
{
    private static readonly string[] HiddenEnvironmentVariables = ["APP_API_TOKEN"];

    public Dictionary<string, StateStoreComponent> StateStores { get; } = new();
    public Dictionary<string, PubSubComponent> PubSubs { get; } = new();
    public Dictionary<string, SecretStoreComponent> SecretStores { get; } = new();
    public Dictionary<string, OutputBindingComponent> OutputBindings { get; } = new();
    public Dictionary<string, InputBindingComponent> InputBindings { get; } = new();

    /// <summary>Every component that initialised, in load order (for the metadata API).</summary>
    public List<ComponentResource> Loaded { get; } = [];

    public StateStoreComponent? ActorStateStore => StateStores.Values.FirstOrDefault(s => s.IsActorStateStore);

    /// <summary>
    /// Initialises the components scoped to this app. Secret stores come first because other components'
    /// <c>secretKeyRef</c>s read from them (daprd parks such components until their store is loaded).
    /// </summary>
    public static async Task<ComponentRegistry> LoadAsync(
        ResourceSet resources, SidecarOptions options, SharedResources shared, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("components");
        var registry = new ComponentRegistry();
        var scoped = resources.Components.Where(c => c.IsScopedTo(options.AppId)).ToList();
        foreach (var resource in scoped.OrderBy(c => c.Category == "secretstores" ? 0 : 1))
        {
            try
            {
                await registry.AddAsync(resource, options, shared, loggerFactory, cancellationToken);
                registry.Loaded.Add(resource);
                logger.LogInformation("Component loaded: {Name} ({Type}/{Version})", resource.Name, resource.Type, resource.Version);
            }
            catch (Exception error) when (resource.IgnoreErrors)
            {
                logger.LogWarning("Ignoring component {Name} ({Type}) that failed to initialise: {Error}", resource.Name, resource.Type, error.Message);
            }
            catch (Exception error) when (error is not SidecarStartException)
            {
                throw new SidecarStartException($"component {resource.Name} ({resource.Type}) failed to initialise: {error.Message}", error);
            }
        }
        return registry;
    }

    private async Task AddAsync(
        ComponentResource resource, SidecarOptions options, SharedResources shared, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (!ComponentFactory.IsSupported(resource.Type))
            throw new SidecarStartException(
                $"component {resource.Name}: type {resource.Type} is not supported by this sidecar (supported: {string.Join(", ", ComponentFactory.SupportedTypes.Order())})");

        var metadata = await ResolveMetadataAsync(resource, options, cancellationToken);
        var context = new ComponentContext(resource.Name, options.AppId, options.WorkingDirectory, metadata, shared, loggerFactory);
        switch (resource.Category)
        {
            case "state":
                var isActorStore = context.Get("actorStateStore") is { } actorFlag && bool.TryParse(actorFlag, out var flag) && flag;
                if (isActorStore && ActorStateStore is { } existing)
                    throw new SidecarStartException($"detected duplicate actor state store: {existing.Resource.Name} and {resource.Name}");
                StateStores[resource.Name] = new StateStoreComponent(
                    resource, ComponentFactory.CreateStateStore(resource.Type, context)!, KeyPrefixFor(context, options), isActorStore);
                break;
            case "pubsub":
                PubSubs[resource.Name] = new PubSubComponent(resource, ComponentFactory.CreatePubSub(resource.Type, context)!);
                break;
            case "secretstores":
                SecretStores[resource.Name] = new SecretStoreComponent(resource, ComponentFactory.CreateSecretStore(resource.Type, context)!);
                break;
            case "bindings":
                AddBinding(resource, context);
                break;
        }
    }

    private void AddBinding(ComponentResource resource, ComponentContext context)
    {
        // metadata "direction" pins which side is wanted; without it, every side the type implements is loaded.
        var direction = context.Get("direction")?.ToLowerInvariant();
        var wantsInput = direction is null || direction.Contains("input");
        var wantsOutput = direction is null || direction.Contains("output");
        if (wantsOutput && ComponentFactory.CreateOutputBinding(resource.Type, context) is { } output)
            OutputBindings[resource.Name] = new OutputBindingComponent(resource, output);
        if (wantsInput && ComponentFactory.CreateInputBinding(resource.Type, context) is { } input)
            InputBindings[resource.Name] = new InputBindingComponent(resource, input, context.Get("route") ?? resource.Name);
    }

    /// <summary>Dapr's keyPrefix rules (reference §2.8); the value is lower-cased as daprd does.</summary>
    private static string? KeyPrefixFor(ComponentContext context, SidecarOptions options)
    {
        var keyPrefix = context.Get("keyPrefix")?.ToLowerInvariant();
        if (keyPrefix is not null && keyPrefix.Contains("||"))
            throw new SidecarStartException($"component {context.Name}: keyPrefix must not contain ||");
        return keyPrefix switch
        {
            null or "" or "appid" => options.AppId,
            "name" => context.Name,
            "namespace" => string.IsNullOrEmpty(options.Namespace) ? options.AppId : $"{options.Namespace}.{options.AppId}",
            "none" => null,
            _ => keyPrefix,
        };
    }

    private async Task<Dictionary<string, string>> ResolveMetadataAsync(
        ComponentResource resource, SidecarOptions options, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in resource.Metadata)
        {
            string? value = item.Value;
            if (item.SecretKeyRef is { } reference)
                value = await ResolveSecretAsync(resource, reference, cancellationToken);
            else if (string.IsNullOrEmpty(value) && item.EnvRef is { } variable)
                value = variable.StartsWith("DAPR_", StringComparison.Ordinal) || HiddenEnvironmentVariables.Contains(variable)
                    ? null
                    : Environment.GetEnvironmentVariable(variable);
            if (value is not null) resolved[item.Name] = ExpandTemplateTags(value, options);
        }
        return resolved;
    }

    private async Task<string> ResolveSecretAsync(ComponentResource resource, SecretKeyRef reference, CancellationToken cancellationToken)
    {
        var storeName = resource.AuthSecretStore
            ?? throw new SidecarStartException($"component {resource.Name}: secretKeyRef {reference.Name} needs auth.secretStore");
        if (!SecretStores.TryGetValue(storeName, out var store))
            throw new SidecarStartException($"component {resource.Name}: secret store {storeName} is not loaded");
        var secret = await store.Store.GetSecretAsync(reference.Name, new Dictionary<string, string>(), cancellationToken);
        var key = reference.Key ?? reference.Name;
        return secret.TryGetValue(key, out var value)
            ? value
            : throw new SidecarStartException($"component {resource.Name}: secret {reference.Name} has no key {key}");
    }

    /// <summary>Template tags daprd expands in metadata values: {uuid}, {appID}, {podName}, {namespace}.</summary>
    private static string ExpandTemplateTags(string value, SidecarOptions options)
    {
        if (!value.Contains('{')) return value;
        while (value.Contains("{uuid}", StringComparison.Ordinal))
        {
            var index = value.IndexOf("{uuid}", StringComparison.Ordinal);
            value = string.Concat(value.AsSpan(0, index), Guid.NewGuid().ToString(), value.AsSpan(index + 6));
        }
        return value
            .Replace("{appID}", options.AppId, StringComparison.Ordinal)
            .Replace("{podName}", Environment.GetEnvironmentVariable("POD_NAME") ?? options.AppId, StringComparison.Ordinal)
            .Replace("{namespace}", string.IsNullOrEmpty(options.Namespace) ? options.AppId : $"{options.Namespace}.{options.AppId}", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var state in StateStores.Values) await state.Store.DisposeAsync();
        foreach (var pubsub in PubSubs.Values) await pubsub.PubSub.DisposeAsync();
        foreach (var binding in OutputBindings.Values.Select(b => b.Binding).Concat<object>(InputBindings.Values.Select(b => b.Binding)).Distinct())
        {
            if (binding is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (binding is IDisposable disposable) disposable.Dispose();
        }
    }
}
