using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.Actors;

public static class ActorsEndpointRouteBuilderExtensions
{
    /// <summary>Maps the endpoints daprd calls: GET /dapr/config, PUT /actors/{type}/{id}/method/..., DELETE /actors/{type}/{id}.</summary>
    /// <remarks>Only daprd calls them, so they keep the app API token requirement of <c>UseDaprAppApiToken</c>.</remarks>
    public static IEndpointRouteBuilder MapActorsHandlers(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet("/dapr/config", ActorRequestHandlers.GetConfigAsync);
        endpoints.MapPut("/actors/{actorType}/{actorId}/method/remind/{reminderName}", ActorRequestHandlers.FireReminderAsync);
        endpoints.MapPut("/actors/{actorType}/{actorId}/method/timer/{timerName}", ActorRequestHandlers.FireTimerAsync);
        endpoints.MapPut("/actors/{actorType}/{actorId}/method/{methodName}", ActorRequestHandlers.InvokeMethodAsync);
        endpoints.MapDelete("/actors/{actorType}/{actorId}", ActorRequestHandlers.DeactivateAsync);
        return endpoints;
    }
}
