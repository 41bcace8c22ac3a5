namespace DaprShop.Testing;

/// <summary>Resource files for sidecars under test that host actors.</summary>
public static class ActorStoreResources
{
    /// <summary>Writes a <c>state.sqlite</c> component marked <c>actorStateStore: "true"</c> into <paramref name="resourcesPath"/>.</summary>
    public static Task WriteSqliteAsync(string resourcesPath, string databasePath, string componentName, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(resourcesPath);
        return File.WriteAllTextAsync(Path.Combine(resourcesPath, componentName + ".yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {componentName}
            spec:
              type: state.sqlite
              version: v1
              metadata:
                - name: connectionString
                  value: "{databasePath}"
                - name: actorStateStore
                  value: "true"
            """, cancellationToken);
    }
}
