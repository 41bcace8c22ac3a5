using DaprShop.Catalog.Admin;
using DaprShop.Catalog.Persistence;
using DaprShop.Catalog.Search;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Catalog.Api;

public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder endpoints)
    {
        var products = endpoints.MapGroup("/products").WithTags("Products");

        products.MapGet("", SearchAsync)
            .WithName("SearchProducts")
            .WithValidation<ProductSearchRequest>();

        products.MapGet("{id:guid}", GetAsync)
            .WithName("GetProduct")
            .ProducesProblem(StatusCodes.Status404NotFound);

        products.MapPost("", CreateAsync)
            .WithName("CreateProduct")
            .RequireAuthorization(AuthPolicies.Admin)
            .WithValidation<ProductRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        products.MapPut("{id:guid}", UpdateAsync)
            .WithName("UpdateProduct")
            .RequireAuthorization(AuthPolicies.Admin)
            .WithValidation<ProductRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        products.MapDelete("{id:guid}", ArchiveAsync)
            .WithName("ArchiveProduct")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Ok<ProductPage>> SearchAsync([AsParameters] ProductSearchRequest request, ProductSearchIndex index, CancellationToken cancellationToken)
    {
        await index.WhenBuilt.WaitAsync(cancellationToken);
        var query = request.ToQuery();
        var result = index.Search(query);
        return TypedResults.Ok(new ProductPage(result.Items, result.Total, query.Page, query.PageSize, result.Facets));
    }

    /// <summary>Read from state, not the index: another replica may have changed the product without this one hearing yet.</summary>
    private static async Task<Results<Ok<ProductDetails>, ProblemHttpResult>> GetAsync(
        Guid id, ProductStore store, ProductSearchIndex index, CancellationToken cancellationToken)
    {
        var (product, _) = await store.FindAsync(id, cancellationToken);
        return product is { IsArchived: false }
            ? TypedResults.Ok(ProductDetails.Of(product, index))
            : NoSuchProduct(id);
    }

    private static async Task<Results<Created<ProductDetails>, ProblemHttpResult>> CreateAsync(
        ProductRequest request, ProductAdministration admin, ProductSearchIndex index, CancellationToken cancellationToken)
    {
        var outcome = await admin.CreateAsync(request.ToContent(), cancellationToken);
        if (outcome.Kind == AdminOutcomeKind.Done)
        {
            // Relative, so it resolves under whatever prefix the caller used (/products directly, /api/catalog/products through the gateway).
            return TypedResults.Created($"products/{outcome.Product!.Id}", ProductDetails.Of(outcome.Product, index));
        }

        return Problem(outcome, Guid.Empty);
    }

    private static async Task<Results<Ok<ProductDetails>, ProblemHttpResult>> UpdateAsync(
        Guid id, ProductRequest request, ProductAdministration admin, ProductSearchIndex index, CancellationToken cancellationToken)
    {
        var outcome = await admin.UpdateAsync(id, request.ToContent(), cancellationToken);
        return outcome.Kind == AdminOutcomeKind.Done ? TypedResults.Ok(ProductDetails.Of(outcome.Product!, index)) : Problem(outcome, id);
    }

    /// <summary>Archives rather than deletes: orders and carts still refer to the product's SKUs.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(Guid id, ProductAdministration admin, CancellationToken cancellationToken)
    {
        var outcome = await admin.ArchiveAsync(id, cancellationToken);
        return outcome.Kind == AdminOutcomeKind.Done ? TypedResults.NoContent() : Problem(outcome, id);
    }

    private static ProblemHttpResult Problem(AdminOutcome outcome, Guid id) => outcome.Kind switch
    {
        AdminOutcomeKind.NotFound => NoSuchProduct(id),
        AdminOutcomeKind.Archived => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Product archived", detail: $"Product {id} is archived; archived products cannot be changed."),
        AdminOutcomeKind.SkusTaken => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "SKU already in use",
            detail: $"These SKUs belong to other products: {string.Join(", ", outcome.TakenSkus!)}.",
            extensions: new Dictionary<string, object?> { ["skus"] = outcome.TakenSkus }),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, null),
    };

    private static ProblemHttpResult NoSuchProduct(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no product with id {id}.");
}
