using System.Security.Claims;
using DaprShop.Identity.Accounts;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary>Admin management of accounts.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/users").WithTags("Users").RequireAuthorization(AuthPolicies.Admin);

        users.MapGet("", ListAsync)
            .WithName("ListUsers")
            .WithValidation<UserListQuery>();

        users.MapPut("{id:guid}/roles", SetRolesAsync)
            .WithName("SetUserRoles")
            .WithValidation<SetRolesRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("{id:guid}/disable", DisableAsync)
            .WithName("DisableUser")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        users.MapPost("{id:guid}/enable", EnableAsync)
            .WithName("EnableUser")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Ok<PagedList<AccountView>>> ListAsync(
        [AsParameters] UserListQuery query, UserAdministration administration, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? UserListQuery.DefaultPageSize;
        var (users, total) = await administration.SearchAsync(query.Q, page, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<AccountView>([.. users.Select(AccountView.Of)], total, page, pageSize));
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetRolesAsync(
        Guid id, SetRolesRequest request, ClaimsPrincipal caller, UserAdministration administration, CancellationToken cancellationToken) =>
        ToResult(await administration.SetRolesAsync(caller.GetUserId()!.Value, id, request.Roles, cancellationToken), id);

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> DisableAsync(
        Guid id, ClaimsPrincipal caller, UserAdministration administration, CancellationToken cancellationToken) =>
        ToResult(await administration.DisableAsync(caller.GetUserId()!.Value, id, cancellationToken), id);

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> EnableAsync(
        Guid id, ClaimsPrincipal caller, UserAdministration administration, CancellationToken cancellationToken) =>
        ToResult(await administration.EnableAsync(caller.GetUserId()!.Value, id, cancellationToken), id);

    private static Results<Ok<AccountView>, ProblemHttpResult> ToResult(AdministrationResult result, Guid id) => result switch
    {
        { User: { } user } => TypedResults.Ok(AccountView.Of(user)),
        { RefusalReason: { } reason } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: reason),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no user with id {id}."),
    };
}
