using DaprShop.Actors;
using DaprShop.Cart.Actors;
using DaprShop.Cart.Domain;
using DaprShop.Cart.Lookups;
using DaprShop.Contracts;
using DaprShop.Contracts.Cart;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Cart.Api;

/// <summary>
/// What ordering's checkout asks of cart: <c>GET /internal/carts/{userId}</c> (the snapshot to order) and
/// <c>POST /internal/carts/{userId}/clear</c> (empty it once the order is paid, if it was not changed since).
/// </summary>
public static class CartCheckoutApi
{
    public const string CartsPath = InternalRoutes.Prefix + "/carts";

    public static IEndpointRouteBuilder MapCartCheckoutApi(this IEndpointRouteBuilder endpoints)
    {
        var carts = endpoints.MapGroup(CartsPath).WithTags("Internal").RequireDaprCallerApp(AppIds.Ordering);
        carts.MapGet("/{userId:guid}", GetSnapshotAsync).WithName("GetCartSnapshot").ProducesProblem(StatusCodes.Status403Forbidden);
        carts.MapPost("/{userId:guid}/clear", ClearAsync)
            .WithName("ClearCheckedOutCart")
            .WithValidation<ClearCheckedOutCart>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static async Task<Ok<CartSnapshot>> GetSnapshotAsync(
        Guid userId, IActorProxyFactory actors, CatalogLookups catalogue, CancellationToken cancellationToken)
    {
        var contents = await UserCart(userId, actors).GetAsync();
        var current = await Task.WhenAll(contents.Lines.Select(line => catalogue.FindVariantAsync(line.Sku, cancellationToken)));
        var lines = CartView.Create(contents.Lines, current).Lines
            .Select(line => new CartSnapshotLine(
                line.Sku, line.ProductName, line.Options, line.Quantity, line.CurrentPrice ?? line.UnitPrice, line.Archived))
            .ToArray();
        return TypedResults.Ok(new CartSnapshot(contents.Revision, lines));
    }

    /// <summary>Compares and clears in one actor turn, so a line the shopper adds meanwhile is never cleared with the order's.</summary>
    private static async Task<NoContent> ClearAsync(Guid userId, ClearCheckedOutCart request, IActorProxyFactory actors)
    {
        await UserCart(userId, actors).ClearIfUnchangedAsync(request.Revision);
        return TypedResults.NoContent();
    }

    private static ICartActor UserCart(Guid userId, IActorProxyFactory actors) => new CartAddress(CartIds.ForUser(userId)).Actor(actors);
}

/// <summary>Kept beside its only endpoint: cart's checkout surface is this one file.</summary>
public sealed class ClearCheckedOutCartValidator : AbstractValidator<ClearCheckedOutCart>
{
    public ClearCheckedOutCartValidator()
    {
        RuleFor(request => request.Revision).NotEmpty();
    }
}
