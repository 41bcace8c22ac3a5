using DaprShop.Catalog.Domain;
using DaprShop.Catalog.Persistence;
using DaprShop.Contracts;
using DaprShop.Dapr;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Catalog.Api;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var products = endpoints.MapGroup("/products").WithTags("Products");

        products.MapPost("", CreateProductAsync)
            .WithName("CreateProduct")
            .WithValidation<CreateProductRequest>();

        products.MapGet("{id:guid}", GetProductAsync)
            .WithName("GetProduct")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    /// <summary>Stores the product first and publishes <see cref="ProductCreated"/> after, so no subscriber hears of a product that is not there.</summary>
    private static async Task<Created<Product>> CreateProductAsync(
        CreateProductRequest request, ProductStore store, DaprClient dapr, TimeProvider clock, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var product = new Product(Guid.CreateVersion7(now), request.Sku, request.Name, request.Price, now);

        await store.SaveAsync(product, cancellationToken);
        await dapr.PublishEventAsync(
            ComponentNames.PubSub,
            Topics.ProductCreated,
            new ProductCreated(product.Id, product.Sku, product.Name, product.Price, product.CreatedAt),
            cancellationToken);
        loggerFactory.CreateLogger(typeof(CatalogApi)).LogInformation("Created product {ProductId} with SKU {Sku}", product.Id, product.Sku);

        // Relative, so it resolves under whatever prefix the caller used (/products directly, /api/catalog/products through the gateway).
        return TypedResults.Created($"products/{product.Id}", product);
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProductAsync(Guid id, ProductStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } product
            ? TypedResults.Ok(product)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no product with id {id}.");
}
