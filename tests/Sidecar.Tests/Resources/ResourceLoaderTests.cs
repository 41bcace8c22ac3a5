using DaprShop.Sidecar.Resources;

namespace DaprShop.Sidecar.Tests.Resources;

public sealed class ResourceLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-resources-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Loads_every_kind_from_multi_document_files_and_ignores_the_rest()
    {
        Write("all.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.sqlite
              version: v1
              initTimeout: 10s
              metadata:
                - name: connectionString
                  value: data.db
                - name: password
                  secretKeyRef:
                    name: db
                    key: pass
                - name: user
                  envRef: DB_USER
            auth:
              secretStore: secrets
            scopes: [orders]
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: payments
            spec:
              pubsubname: pubsub
              topic: payments
              routes:
                rules:
                  - match: event.type == "refund"
                    path: /refund
                default: /payments
              deadLetterTopic: payments-dlq
              metadata:
                rawPayload: "false"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata:
              name: ignored-here
            """);
        Write("notes.txt", "kind: Component");

        var set = ResourceLoader.Load([_directory], null, null);

        var component = Assert.Single(set.Components);
        Assert.Equal(("statestore", "state.sqlite", "state", "secrets"), (component.Name, component.Type, component.Category, component.AuthSecretStore));
        Assert.Equal(TimeSpan.FromSeconds(10), component.InitTimeout);
        Assert.Equal(["orders"], component.Scopes);
        Assert.Equal(new SecretKeyRef("db", "pass"), component.Metadata[1].SecretKeyRef);
        Assert.Equal("DB_USER", component.Metadata[2].EnvRef);
        var subscription = Assert.Single(set.Subscriptions);
        Assert.Equal(("payments", "/payments", "payments-dlq"), (subscription.Topic, subscription.DefaultRoute, subscription.DeadLetterTopic));
        Assert.Equal(new RouteRule("event.type == \"refund\"", "/refund"), Assert.Single(subscription.Rules));
        Assert.Equal(SubscriptionKind.Declarative, subscription.Kind);
    }

    [Fact]
    public void V1alpha1_subscriptions_use_spec_route()
    {
        Write("sub.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Subscription
            metadata: { name: old }
            spec: { pubsubname: pubsub, topic: orders, route: /orders }
            """);

        Assert.Equal("/orders", Assert.Single(ResourceLoader.Load([_directory], null, null).Subscriptions).DefaultRoute);
    }

    [Fact]
    public void Resources_of_another_namespace_are_skipped_when_NAMESPACE_is_set()
    {
        Write("a.yaml", """
            kind: Component
            metadata: { name: mine, namespace: shop }
            spec: { type: pubsub.in-memory }
            ---
            kind: Component
            metadata: { name: theirs, namespace: other }
            spec: { type: pubsub.in-memory }
            """);

        Assert.Equal(["mine"], ResourceLoader.Load([_directory], null, "shop").Components.Select(c => c.Name));
        Assert.Equal(2, ResourceLoader.Load([_directory], null, null).Components.Count);
    }

    [Fact]
    public void Duplicate_component_names_are_an_error_naming_both_files()
    {
        Write("a.yaml", "kind: Component\nmetadata: { name: dup }\nspec: { type: pubsub.in-memory }");
        Write("b.yaml", "kind: Component\nmetadata: { name: dup }\nspec: { type: pubsub.in-memory }");

        var error = Assert.Throws<ResourceException>(() => ResourceLoader.Load([_directory], null, null));
        Assert.Contains("a.yaml", error.Message);
        Assert.Contains("b.yaml", error.Message);
    }

    [Fact]
    public void A_missing_resources_path_or_invalid_yaml_is_a_clear_error()
    {
        Assert.Contains("does not exist", Assert.Throws<ResourceException>(() => ResourceLoader.Load([Path.Combine(_directory, "nope")], null, null)).Message);
        Write("bad.yaml", "kind: Component\nmetadata: [unclosed");
        Assert.Contains("bad.yaml", Assert.Throws<ResourceException>(() => ResourceLoader.Load([_directory], null, null)).Message);
    }

    [Fact]
    public void Configuration_features_and_secret_scopes_are_read_from_the_config_file()
    {
        var config = Write("config.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata: { name: appconfig }
            spec:
              features:
                - { name: ActorStateTTL, enabled: true }
                - { name: HotReload, enabled: false }
              secrets:
                scopes:
                  - storeName: vault
                    defaultAccess: deny
                    allowedSecrets: [redis]
                  - storeName: local
                    deniedSecrets: [root]
            """);

        var configuration = ResourceLoader.Load([], config, null).Configuration;

        Assert.Equal(["ActorStateTTL"], configuration.EnabledFeatures);
        Assert.True(configuration.IsSecretAllowed("vault", "redis"));
        Assert.False(configuration.IsSecretAllowed("vault", "other"));
        Assert.False(configuration.IsSecretAllowed("local", "root"));
        Assert.True(configuration.IsSecretAllowed("local", "anything"));
        Assert.True(configuration.IsSecretAllowed("unscoped", "anything"));
    }

    [Fact]
    public void Resiliency_policies_and_targets_are_parsed()
    {
        Write("resiliency.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata: { name: r }
            scopes: [orders]
            spec:
              policies:
                timeouts: { general: 5s }
                retries:
                  fast: { policy: constant, duration: 200ms, maxRetries: 3 }
                  slow: { policy: exponential, maxInterval: 2s }
              targets:
                apps:
                  pricing: { timeout: general, retry: fast }
                components:
                  pubsub:
                    inbound: { retry: slow }
            """);

        var resiliency = Assert.Single(ResourceLoader.Load([_directory], null, null).Resiliencies);

        Assert.True(resiliency.IsScopedTo("orders"));
        Assert.False(resiliency.IsScopedTo("cart"));
        Assert.Equal(TimeSpan.FromSeconds(5), resiliency.TimeoutFor(resiliency.Apps["pricing"]));
        Assert.Equal(new RetryPolicy(false, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), 3), resiliency.RetryFor(resiliency.Apps["pricing"]));
        Assert.True(resiliency.RetryFor(resiliency.ComponentsInbound["pubsub"])!.Exponential);
        Assert.False(resiliency.ComponentsOutbound.ContainsKey("pubsub"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
