using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Domain;
using DaprShop.Contracts.Cart;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;

namespace DaprShop.Cart.Api;

/// <summary>
/// Which cart a public request may touch, taken from the request and never from a path or body: a signed-in caller's
/// own cart (the user id of their validated access token; an <c>X-Cart-Id</c> they also send is ignored, their guest
/// cart was merged at login), else the guest cart named by <c>X-Cart-Id</c>, else a new guest cart. Guests get their
/// cart id back in the <c>X-Cart-Id</c> response header.
/// </summary>
public sealed record CartAddress(string ActorId)
{
    /// <summary>Minimal APIs bind the parameter with this; a bad token is 401 and a malformed cart id 400, both problem+json.</summary>
    public static async ValueTask<CartAddress?> BindAsync(HttpContext context)
    {
        // The endpoints are open to guests, so authentication never challenges; a token that fails must still not
        // quietly turn its bearer into a guest.
        if ((await context.AuthenticateAsync()).Failure is not null)
        {
            throw new BadHttpRequestException("The access token is invalid or has expired; sign in again.", StatusCodes.Status401Unauthorized);
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            return context.User.GetUserId() is { } userId
                ? new CartAddress(CartIds.ForUser(userId))
                : throw new BadHttpRequestException("The access token does not name a user.", StatusCodes.Status401Unauthorized);
        }

        var sent = context.Request.Headers[CartHeaders.CartId];
        string guestCartId;
        if (sent.Count == 0) guestCartId = CartIds.NewGuestCartId();
        else if (sent.Count == 1 && CartIds.IsWellFormedGuestCartId(sent[0])) guestCartId = sent[0]!;
        else throw new BadHttpRequestException($"The {CartHeaders.CartId} header must be the cart id an earlier cart response returned.");

        context.Response.Headers[CartHeaders.CartId] = guestCartId;
        return new CartAddress(CartIds.ForGuest(guestCartId));
    }

    public ICartActor Actor(IActorProxyFactory actors) => actors.CreateActorProxy<ICartActor>(new ActorId(ActorId), CartActor.TypeName);
}
