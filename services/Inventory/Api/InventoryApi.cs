using DaprShop.Contracts;
using DaprShop.Contracts.Inventory;
using DaprShop.Inventory.Actors;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Inventory.Api;

/// <summary>Stock per SKU: public availability, and the admin's levels, set and adjust. Every call goes to the SKU's actor.</summary>
public static class InventoryApi
{
    /// <summary>Optional on <c>POST /items/{sku}/adjust</c>: the adjustment's id, so a retried request adjusts once.</summary>
    public const string IdempotencyKeyHeader = IdempotencyKey.HeaderName;

    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/items").WithTags("Inventory");

        items.MapGet("{sku}", GetAvailabilityAsync)
            .WithName("GetStockAvailability")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        items.MapGet("{sku}/levels", GetLevelsAsync)
            .WithName("GetStockLevels")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        items.MapPut("{sku}", SetOnHandAsync)
            .WithName("SetStock")
            .RequireAuthorization(AuthPolicies.Admin)
            .WithValidation<SetStockRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        items.MapPost("{sku}/adjust", AdjustAsync)
            .WithName("AdjustStock")
            .RequireAuthorization(AuthPolicies.Admin)
            .WithValidation<AdjustStockRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return endpoints;
    }

    private static async Task<Results<Ok<StockAvailability>, ProblemHttpResult>> GetAvailabilityAsync(string sku, StockItems stock)
    {
        if (!Sku.IsWellFormed(sku)) return MalformedSku(sku);

        var levels = await stock.For(sku).GetLevels();
        return TypedResults.Ok(new StockAvailability(sku, levels.Available));
    }

    private static async Task<Results<Ok<StockLevelsSnapshot>, ProblemHttpResult>> GetLevelsAsync(string sku, StockItems stock) =>
        Sku.IsWellFormed(sku) ? TypedResults.Ok(await stock.For(sku).GetLevels()) : MalformedSku(sku);

    private static async Task<Results<Ok<StockLevelsSnapshot>, ProblemHttpResult>> SetOnHandAsync(string sku, SetStockRequest request, StockItems stock) =>
        Sku.IsWellFormed(sku) ? Answer(await stock.For(sku).SetOnHand(new SetOnHand(request.OnHand!.Value))) : MalformedSku(sku);

    private static async Task<Results<Ok<StockLevelsSnapshot>, ProblemHttpResult>> AdjustAsync(
        string sku, AdjustStockRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, StockItems stock)
    {
        if (!Sku.IsWellFormed(sku)) return MalformedSku(sku);
        if (idempotencyKey is not null && !IdempotencyKey.IsWellFormed(idempotencyKey, AdjustStock.AdjustmentIdMaxLength)) return MalformedIdempotencyKey();

        return Answer(await stock.For(sku).Adjust(new AdjustStock(request.Delta!.Value, request.Reason!, idempotencyKey)));
    }

    private static Results<Ok<StockLevelsSnapshot>, ProblemHttpResult> Answer(StockUpdateOutcome outcome) =>
        outcome.Status == StockUpdateStatus.Applied
            ? TypedResults.Ok(outcome.Levels)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Stock would fall below what is reserved",
                detail: $"On-hand of {outcome.Levels.Sku} cannot go below the {outcome.Levels.Reserved} units reserved (or above {SetOnHand.MaxOnHand}); it stays {outcome.Levels.OnHand}.");

    private static ProblemHttpResult MalformedIdempotencyKey() => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
    {
        [IdempotencyKeyHeader] = [$"Must be 1 to {AdjustStock.AdjustmentIdMaxLength} printable ASCII characters without spaces, e.g. a UUID."],
    })
    {
        Status = StatusCodes.Status400BadRequest,
    });

    private static ProblemHttpResult MalformedSku(string sku) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed SKU",
        detail: $"'{sku}' is not a SKU: {Sku.MinLength} to {Sku.MaxLength} upper-case letters and digits in groups joined by single hyphens, e.g. TSHIRT-RED-M.");
}
