using DaprShop.Sidecar.Components.Bindings;
using DaprShop.Sidecar.Components.PubSub;
using DaprShop.Sidecar.Components.Secrets;
using DaprShop.Sidecar.Components.State;

namespace DaprShop.Sidecar.Components;

/// <summary>The component types this sidecar implements, by Dapr's own type names.</summary>
public static class ComponentFactory
{
    private static readonly Dictionary<string, Func<ComponentContext, IStateStore>> StateStores = new()
    {
        ["state.in-memory"] = InMemoryStateStore.Create,
        ["state.sqlite"] = SqliteStateStore.Create,
    };

    private static readonly Dictionary<string, Func<ComponentContext, IPubSub>> PubSubs = new()
    {
        ["pubsub.in-memory"] = InMemoryPubSub.Create,
        ["pubsub.redis"] = RedisStreamsPubSub.Create,
    };

    private static readonly Dictionary<string, Func<ComponentContext, ISecretStore>> SecretStores = new()
    {
        ["secretstores.local.file"] = LocalFileSecretStore.Create,
        ["secretstores.local.env"] = EnvSecretStore.Create,
    };

    private static readonly Dictionary<string, Func<ComponentContext, IOutputBinding>> OutputBindings = new()
    {
        ["bindings.localstorage"] = LocalStorageBinding.Create,
    };

    private static readonly Dictionary<string, Func<ComponentContext, IInputBinding>> InputBindings = new()
    {
        ["bindings.cron"] = CronBinding.Create,
    };

    public static IEnumerable<string> SupportedTypes =>
        StateStores.Keys.Concat(PubSubs.Keys).Concat(SecretStores.Keys).Concat(OutputBindings.Keys).Concat(InputBindings.Keys).Distinct();

    public static bool IsSupported(string type) => SupportedTypes.Contains(type);

    public static IStateStore? CreateStateStore(string type, ComponentContext context) =>
        StateStores.TryGetValue(type, out var create) ? create(context) : null;

    public static IPubSub? CreatePubSub(string type, ComponentContext context) =>
        PubSubs.TryGetValue(type, out var create) ? create(context) : null;

    public static ISecretStore? CreateSecretStore(string type, ComponentContext context) =>
        SecretStores.TryGetValue(type, out var create) ? create(context) : null;

    public static IOutputBinding? CreateOutputBinding(string type, ComponentContext context) =>
        OutputBindings.TryGetValue(type, out var create) ? create(context) : null;

    public static IInputBinding? CreateInputBinding(string type, ComponentContext context) =>
        InputBindings.TryGetValue(type, out var create) ? create(context) : null;
}
