using System.Security.Claims;
using DaprShop.Identity.Accounts;
using DaprShop.Identity.Persistence;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary>The signed-in user's own account.</summary>
public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/me").WithTags("Profile").RequireAuthorization(AuthPolicies.SignedIn);

        me.MapGet("", GetAsync).WithName("GetProfile").ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPut("", UpdateAsync)
            .WithName("UpdateProfile")
            .WithValidation<UpdateProfileRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapDelete("", DeleteAsync).WithName("DeleteAccount").ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/password", ChangePasswordAsync)
            .WithName("ChangePassword")
            .WithValidation<ChangePasswordRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(ClaimsPrincipal caller, UserStore users, CancellationToken cancellationToken) =>
        await users.FindAsync(caller.GetUserId()!.Value, cancellationToken) is { } user ? TypedResults.Ok(AccountView.Of(user)) : AccountGone();

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> UpdateAsync(
        UpdateProfileRequest request, ClaimsPrincipal caller, UserStore users, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        var update = await users.UpdateAsync(caller.GetUserId()!.Value, user => (user with { Name = name }, true), cancellationToken);
        return update is null ? AccountGone() : TypedResults.Ok(AccountView.Of(update.User));
    }

    /// <summary>Erases the account and its personal data; the access token in hand keeps working until it expires, but finds no account.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(ClaimsPrincipal caller, AccountErasure erasure, CancellationToken cancellationToken) =>
        await erasure.EraseAsync(caller.GetUserId()!.Value, cancellationToken) ? TypedResults.NoContent() : AccountGone();

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, PasswordManagement passwords, CancellationToken cancellationToken) =>
        await passwords.ChangeAsync(caller.GetUserId()!.Value, request.CurrentPassword, request.NewPassword, cancellationToken) switch
        {
            true => TypedResults.NoContent(),
            false => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] }),
            null => AccountGone(),
        };

    private static ProblemHttpResult AccountGone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "The signed-in account no longer exists.");
}
