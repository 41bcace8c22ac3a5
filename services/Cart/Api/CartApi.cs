using DaprShop.Cart.Actors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Cart.Api;

/// <summary>
/// The public cart API (through the gateway: <c>/api/cart/...</c>). Every endpoint works on the caller's own cart,
/// found by <see cref="CartAddress"/> from the token or <c>X-Cart-Id</c>, and answers with the whole cart.
/// </summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder endpoints)
    {
        var cart = endpoints.MapGroup("/").WithTags("Cart")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        cart.MapGet("/cart", GetCartAsync).WithName("GetCart");
        cart.MapDelete("/cart", ClearCartAsync).WithName("ClearCart");
        cart.MapPost("/items", AddItemAsync)
            .WithName("AddCartItem")
            .WithValidation<AddItemRequest>()
            .ProducesItemChangeProblems();
        cart.MapPut("/items/{sku}", SetItemQuantityAsync)
            .WithName("SetCartItemQuantity")
            .WithValidation<SetItemQuantityRequest>()
            .ProducesItemChangeProblems();
        cart.MapDelete("/items/{sku}", RemoveItemAsync)
            .WithName("RemoveCartItem")
            .WithValidation<RemoveItemRequest>();

        endpoints.MapCartMergeApi();
        endpoints.MapCartCheckoutApi();
        return endpoints;
    }

    /// <summary>What <see cref="CartService.ChangeItemAsync"/> may answer besides the cart (see <see cref="CartProblems"/>).</summary>
    private static RouteHandlerBuilder ProducesItemChangeProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Ok<CartView>> GetCartAsync(CartAddress cart, CartService carts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await carts.GetAsync(cart, cancellationToken));

    private static async Task<Ok<CartView>> ClearCartAsync(CartAddress cart, CartService carts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await carts.ClearAsync(cart, cancellationToken));

    private static Task<Results<Ok<CartView>, ProblemHttpResult>> AddItemAsync(
        AddItemRequest request, CartAddress cart, CartService carts, HttpContext context) =>
        carts.ChangeItemAsync(cart, request.Sku, request.Quantity!.Value, (actor, change) => actor.AddItemAsync(change), context);

    /// <summary>Quantity 0 removes the line, like DELETE; removing a line that is not there is not an error.</summary>
    private static async Task<Results<Ok<CartView>, ProblemHttpResult>> SetItemQuantityAsync(
        [AsParameters] SetItemQuantityRequest request, CartAddress cart, CartService carts, HttpContext context) =>
        request.Body.Quantity!.Value == 0
            ? TypedResults.Ok(await carts.RemoveItemAsync(cart, request.Sku, context.RequestAborted))
            : await carts.ChangeItemAsync(cart, request.Sku, request.Body.Quantity.Value, (actor, change) => actor.SetItemQuantityAsync(change), context);

    private static async Task<Ok<CartView>> RemoveItemAsync(
        [AsParameters] RemoveItemRequest request, CartAddress cart, CartService carts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await carts.RemoveItemAsync(cart, request.Sku, cancellationToken));
}
