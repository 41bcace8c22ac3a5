using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Api;
using DaprShop.Cart.Domain;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Dapr;

namespace DaprShop.Cart.Events;

/// <summary>The topics cart subscribes to, each on its <see cref="SidecarOnlyRoutes.ForTopic"/> route.</summary>
public static class EventSubscriptions
{
    public static IEndpointRouteBuilder MapEventSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SidecarOnlyRoutes.ForTopic(Topics.AccountDeleted), DeleteCartOfAccountAsync)
            .WithTopic(ComponentNames.PubSub, Topics.AccountDeleted)
            .WithTags("Events");
        return endpoints;
    }

    /// <summary>An erased account's cart goes too. Deleting is idempotent, so a redelivered event needs no dedupe log.</summary>
    private static async Task<IResult> DeleteCartOfAccountAsync(AccountDeleted accountDeleted, IActorProxyFactory actors, ILogger<AccountDeleted> logger)
    {
        await new CartAddress(CartIds.ForUser(accountDeleted.UserId)).Actor(actors).DeleteAsync();
        logger.LogInformation("Deleted the cart of deleted account {UserId}", accountDeleted.UserId);
        return TopicResults.Success();
    }
}
