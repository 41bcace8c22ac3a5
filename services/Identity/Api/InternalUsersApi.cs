using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Identity.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary><c>GET /internal/users/{id}/contact</c>: notification learns where to write to a user.</summary>
public static class InternalUsersApi
{
    public static IEndpointRouteBuilder MapInternalUsersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InternalRoutes.Prefix + "/users/{id:guid}/contact", GetContactAsync)
            .WithName("GetUserContact")
            .WithTags("Internal")
            .RequireDaprCallerApp(AppIds.Notification)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>A 404 means the account is erased (or never was): the caller has nobody to write to.</summary>
    private static async Task<Results<Ok<UserContact>, ProblemHttpResult>> GetContactAsync(Guid id, UserStore users, CancellationToken cancellationToken) =>
        await users.FindAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(new UserContact(user.Id, user.Email, user.Name))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no user with id {id}.");
}
