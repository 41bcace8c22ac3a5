using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Domain;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Cart.Api;

/// <summary><c>POST /internal/carts/merge</c>: identity, at a login that carried <c>X-Cart-Id</c>, has the guest cart merged into the user's.</summary>
public static class CartMergeApi
{
    public const string MergePath = InternalRoutes.Prefix + "/carts/merge";

    public static IEndpointRouteBuilder MapCartMergeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MergePath, MergeAsync)
            .WithName("MergeGuestCart")
            .WithTags("Internal")
            .RequireDaprCallerApp(AppIds.Identity)
            .WithValidation<MergeGuestCart>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    /// <summary>
    /// Reads the guest cart, merges it into the user's (<see cref="ShoppingCart.Merge"/>), then clears it. Idempotent:
    /// a retry after a failure between the last two steps is recognised by the guest cart's revision and only clears;
    /// a retry after success finds the guest cart empty.
    /// </summary>
    private static async Task<Ok<CartMergeOutcome>> MergeAsync(
        MergeGuestCart request, IActorProxyFactory actors, ILoggerFactory loggerFactory)
    {
        var guest = new CartAddress(CartIds.ForGuest(request.GuestCartId)).Actor(actors);
        var guestCart = await guest.GetAsync();
        if (guestCart.Lines.Count == 0) return TypedResults.Ok(CartMergeOutcome.Nothing);

        var outcome = await new CartAddress(CartIds.ForUser(request.UserId)).Actor(actors)
            .MergeGuestCartAsync(new GuestCartToMerge(request.GuestCartId, guestCart.Revision, guestCart.Lines));
        await guest.ClearAsync();
        loggerFactory.CreateLogger(typeof(CartMergeApi)).LogInformation(
            "Merged {LinesMerged} guest cart lines into the cart of user {UserId} ({LeftOut} left out, already merged: {AlreadyMerged})",
            outcome.LinesMerged, request.UserId, outcome.SkusLeftOut.Count, outcome.AlreadyMerged);
        return TypedResults.Ok(outcome);
    }
}
