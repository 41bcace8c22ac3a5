namespace DaprShop.Testing;

/// <summary>The broker component of sidecars under test: <c>pubsub.in-memory</c>, shared by sidecars of one <c>SharedResources</c>.</summary>
public static class InMemoryPubSubResource
{
    public static Task WriteAsync(string resourcesPath, string componentName = "pubsub", CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(resourcesPath);
        return File.WriteAllTextAsync(Path.Combine(resourcesPath, componentName + ".yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {componentName}
            spec:
              type: pubsub.in-memory
              version: v1
              metadata: []
            """, cancellationToken);
    }
}
