namespace DaprShop.Testing;

/// <summary>
/// Dapr component files for sidecars under test, of the embedded default's types, one file per component named after
/// it. Paths are absolute, so the sidecar's working directory does not matter.
/// </summary>
public static class TestComponents
{
    public static Task WriteSqliteStateAsync(string resourcesPath, string databasePath, string name = "statestore", CancellationToken cancellationToken = default) =>
        WriteAsync(resourcesPath, name, "state.sqlite", [("connectionString", databasePath)], cancellationToken);

    /// <summary>A <c>state.sqlite</c> store marked <c>actorStateStore: "true"</c>, which sidecars that host or call actors need.</summary>
    public static Task WriteActorStateStoreAsync(string resourcesPath, string databasePath, string name = "statestore", CancellationToken cancellationToken = default) =>
        WriteAsync(resourcesPath, name, "state.sqlite", [("connectionString", databasePath), ("actorStateStore", "true")], cancellationToken);

    /// <summary><c>pubsub.in-memory</c>, shared by the sidecars of one <c>SharedResources</c>.</summary>
    public static Task WriteInMemoryPubSubAsync(string resourcesPath, string name = "pubsub", CancellationToken cancellationToken = default) =>
        WriteAsync(resourcesPath, name, "pubsub.in-memory", [], cancellationToken);

    /// <summary>
    /// <c>pubsub.redis</c> on <paramref name="redis"/>, authenticating as its default user. <paramref name="metadata"/>
    /// adds or overrides fields, e.g. a short <c>processingTimeout</c> and <c>redeliverInterval</c> so a test need not
    /// wait daprd's 60 s for a message to be delivered again.
    /// </summary>
    public static Task WriteRedisPubSubAsync(
        string resourcesPath, RedisServer redis, IReadOnlyList<(string Name, string Value)>? metadata = null, string name = "pubsub",
        CancellationToken cancellationToken = default)
    {
        var fields = new List<(string Name, string Value)> { ("redisHost", redis.Address) };
        if (redis.Password is { } password) fields.Add(("redisPassword", password));
        foreach (var field in metadata ?? [])
        {
            fields.RemoveAll(existing => existing.Name == field.Name);
            fields.Add(field);
        }
        return WriteAsync(resourcesPath, name, "pubsub.redis", fields, cancellationToken);
    }

    /// <summary><c>bindings.localstorage</c>: each <c>create</c> writes a file under <paramref name="rootPath"/>.</summary>
    public static Task WriteLocalStorageBindingAsync(string resourcesPath, string rootPath, string name = "email", CancellationToken cancellationToken = default) =>
        WriteAsync(resourcesPath, name, "bindings.localstorage", [("rootPath", rootPath)], cancellationToken);

    public static Task WriteLocalFileSecretStoreAsync(string resourcesPath, string secretsFile, string name = "secretstore", CancellationToken cancellationToken = default) =>
        WriteAsync(resourcesPath, name, "secretstores.local.file", [("secretsFile", secretsFile)], cancellationToken);

    private static Task WriteAsync(
        string resourcesPath, string name, string type, IReadOnlyList<(string Name, string Value)> metadata, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(resourcesPath);
        var items = metadata.Count == 0
            ? "  metadata: []"
            : "  metadata:\n" + string.Join('\n', metadata.Select(item => $"    - name: {item.Name}\n      value: \"{item.Value}\""));
        return File.WriteAllTextAsync(Path.Combine(resourcesPath, name + ".yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: {type}
              version: v1
            {items}
            """, cancellationToken);
    }
}
