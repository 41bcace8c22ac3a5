using DaprShop.Sidecar.Components.Bindings;
using DaprShop.Sidecar.Components.PubSub;
using DaprShop.Sidecar.Components.Secrets;
using DaprShop.Sidecar.Components.State;
using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Components;

/// <param name="KeyPrefix">What goes before <c>||</c> in stored keys, or null for <c>keyPrefix: none</c>.</param>
public sealed record StateStoreComponent(ComponentResource Resource, IStateStore Store, string? KeyPrefix, bool IsActorStateStore)
{
    public string ToStoreKey(string key) => KeyPrefix is null ? key : $"{KeyPrefix}||{key}";

    /// <summary>Strips the prefix the way daprd does: everything up to the first <c>||</c>.</summary>
    public static string FromStoreKey(string storedKey)
    {
        var separator = storedKey.IndexOf("||", StringComparison.Ordinal);
        return separator < 0 ? storedKey : storedKey[(separator + 2)..];
    }
}

public sealed record PubSubComponent(ComponentResource Resource, IPubSub PubSub);

public sealed record SecretStoreComponent(ComponentResource Resource, ISecretStore Store);

public sealed record OutputBindingComponent(ComponentResource Resource, IOutputBinding Binding);

/// <param name="Route">App route events are POSTed to: metadata <c>route</c>, else the component name.</param>
public sealed record InputBindingComponent(ComponentResource Resource, IInputBinding Binding, string Route);
