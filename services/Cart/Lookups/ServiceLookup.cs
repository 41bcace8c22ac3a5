using System.Net;
using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Cart.Lookups;

/// <summary>Reads one resource from another app's public API by service invocation through cart's sidecar.</summary>
public sealed class ServiceLookup(DaprClient dapr, ILogger<ServiceLookup> logger)
{
    public async Task<Lookup<T>> GetAsync<T>(string appId, string path, CancellationToken cancellationToken) where T : class
    {
        using var request = dapr.CreateInvokeMethodRequest(HttpMethod.Get, appId, path);
        using var response = await dapr.InvokeMethodWithResponseAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return Lookup<T>.NotFound;
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("{AppId} answered {Status} to GET {Path}", appId, (int)response.StatusCode, path);
            return Lookup<T>.Unavailable;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken) is { } value
                ? Lookup<T>.Found(value)
                : Lookup<T>.Unavailable;
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "{AppId} answered GET {Path} with JSON that is not a {Type}", appId, path, typeof(T).Name);
            return Lookup<T>.Unavailable;
        }
    }
}
