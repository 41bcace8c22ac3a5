using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Secrets;
using DaprShop.Sidecar.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Sidecar.Api;

/// <summary>The secrets API (reference §5.1), with Configuration secret scopes applied.</summary>
public static class SecretsApi
{
    public static void MapSecretsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/v1.0/secrets/{store}/bulk", BulkAsync);
        api.MapGet("/v1.0/secrets/{store}/{name}", GetAsync);
    }

    private static SecretStoreComponent Store(SidecarRuntime runtime, string name)
    {
        if (runtime.Components.SecretStores.Count == 0) throw DaprErrors.SecretStoresNotConfigured();
        return runtime.Components.SecretStores.TryGetValue(name, out var store) ? store : throw DaprErrors.SecretStoreNotFound(name);
    }

    private static async Task GetAsync(HttpContext context, SidecarRuntime runtime, string store, string name)
    {
        var component = Store(runtime, store);
        name = ApiRequest.PathParameter(name);
        if (!runtime.Resources.Configuration.IsSecretAllowed(store, name))
            throw new DaprApiError(403, "ERR_PERMISSION_DENIED", $"access denied by policy to get \"{name}\" from \"{store}\"");
        IReadOnlyDictionary<string, string> secret;
        try
        {
            secret = await component.Store.GetSecretAsync(name, ApiRequest.QueryMetadata(context.Request), context.RequestAborted);
        }
        catch (Exception error) when (error is SecretNotFoundException or IOException or InvalidOperationException)
        {
            throw new DaprApiError(500, "ERR_SECRET_GET", $"failed getting secret with key {name} from secret store {store}: {error.Message}");
        }
        if (secret.Count == 0)
        {
            ApiResponse.NoContent(context);
            return;
        }
        await ApiResponse.Json(context, JsonSerializer.SerializeToUtf8Bytes(secret));
    }

    private static async Task BulkAsync(HttpContext context, SidecarRuntime runtime, string store)
    {
        var component = Store(runtime, store);
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets;
        try
        {
            secrets = await component.Store.GetBulkSecretAsync(ApiRequest.QueryMetadata(context.Request), context.RequestAborted);
        }
        catch (Exception error) when (error is IOException or InvalidOperationException)
        {
            throw new DaprApiError(500, "ERR_SECRET_GET", $"failed getting secrets from secret store {store}: {error.Message}");
        }
        // Scoping silently filters bulk results, as daprd does.
        var allowed = secrets
            .Where(pair => runtime.Resources.Configuration.IsSecretAllowed(store, pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        await ApiResponse.Json(context, JsonSerializer.SerializeToUtf8Bytes(allowed));
    }
}
