using System.Net;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Dapr;

namespace DaprShop.Notification.Recipients;

/// <summary>
/// Asks identity where to write to a user (<c>GET /internal/users/{id}/contact</c>) through this app's sidecar. Events
/// carry user ids only, or an address that may be stale by the time a redelivery arrives: identity knows the current
/// one, and knows when the account was erased.
/// </summary>
internal sealed class IdentityContacts(DaprClient dapr, ILogger<IdentityContacts> logger)
{
    public async Task<ContactLookup> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var path = $"{InternalRoutes.Prefix.TrimStart('/')}/users/{userId}/contact";
        try
        {
            using var request = dapr.CreateInvokeMethodRequest(HttpMethod.Get, AppIds.Identity, path);
            using var response = await dapr.InvokeMethodWithResponseAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return ContactLookup.AccountErased;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Identity answered {Status} to the contact lookup of user {UserId}", (int)response.StatusCode, userId);
                return ContactLookup.Unavailable;
            }

            return await response.Content.ReadFromJsonAsync<UserContact>(dapr.JsonSerializerOptions, cancellationToken) is { } contact
                ? ContactLookup.Found(contact)
                : ContactLookup.Unavailable;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException)
        {
            logger.LogWarning(exception, "Could not look up the contact of user {UserId} from identity", userId);
            return ContactLookup.Unavailable;
        }
    }
}
