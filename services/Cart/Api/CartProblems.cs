using DaprShop.Cart.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Cart.Api;

/// <summary>
/// Problem details for refused cart changes: out of stock 409 (with <c>available</c>), a line that is not in the cart or
/// a SKU the catalogue does not know 404, the other cart rules 422; each names its <c>reason</c>.
/// </summary>
public static class CartProblems
{
    public static ProblemHttpResult For(CartRejection rejection)
    {
        var (status, title) = rejection.Reason switch
        {
            CartRejectionReason.OutOfStock => (StatusCodes.Status409Conflict, "Not enough stock"),
            CartRejectionReason.NotInCart => (StatusCodes.Status404NotFound, "Not in the cart"),
            CartRejectionReason.Archived => (StatusCodes.Status422UnprocessableEntity, "No longer sold"),
            CartRejectionReason.CurrencyMismatch => (StatusCodes.Status422UnprocessableEntity, "Another currency"),
            CartRejectionReason.QuantityLimit => (StatusCodes.Status422UnprocessableEntity, "Quantity limit"),
            CartRejectionReason.LineLimit => (StatusCodes.Status422UnprocessableEntity, "Cart full"),
            _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection.Reason, "unknown rejection reason"),
        };
        var extensions = new Dictionary<string, object?> { ["reason"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(rejection.Reason.ToString()) };
        if (rejection.Available is { } available) extensions["available"] = available;
        return TypedResults.Problem(statusCode: status, title: title, detail: rejection.Detail, extensions: extensions);
    }

    public static ProblemHttpResult UnknownSku(string sku) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown SKU", detail: $"The catalogue has no product variant with SKU {sku}.");

    /// <summary>Catalog or inventory could not answer: the shopper may retry shortly.</summary>
    public static ProblemHttpResult CatalogueUnavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: "The catalogue or the stock levels could not be read; try again shortly.");
    }
}
