using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Persistence;
using DaprShop.Contracts;
using DaprShop.Contracts.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Catalog.Api;

public static class VariantsApi
{
    public static IEndpointRouteBuilder MapVariantsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/variants/{sku}", GetAsync)
            .WithName("GetVariant")
            .WithTags("Variants")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>
    /// Cart's price and existence check, read from state (never a stale index). An archived product's variants are
    /// still answered, flagged <see cref="CatalogVariant.Archived"/>, so a cart can explain why a line went away.
    /// </summary>
    private static async Task<Results<Ok<CatalogVariant>, ProblemHttpResult>> GetAsync(string sku, ProductStore store, CancellationToken cancellationToken)
    {
        if (!Sku.IsWellFormed(sku))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "A SKU is upper-case letters and digits in groups joined by single hyphens, e.g. TSHIRT-RED-M.");
        }

        var product = await store.FindOwnerOfSkuAsync(sku, cancellationToken);
        return product?.Content.Variants.FirstOrDefault(variant => variant.Sku == sku) is { } variant
            ? TypedResults.Ok(product.ToCatalogVariant(variant))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No product has the SKU {sku}.");
    }
}
