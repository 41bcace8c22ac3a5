using DaprShop.Identity.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary>Anonymous password recovery by an emailed single-use link.</summary>
public static class PasswordApi
{
    public static IEndpointRouteBuilder MapPasswordApi(this IEndpointRouteBuilder endpoints)
    {
        var password = endpoints.MapGroup("/password").WithTags("Password");

        password.MapPost("/forgot", ForgotAsync)
            .WithName("ForgotPassword")
            .WithValidation<EmailRequest>();

        password.MapPost("/reset", ResetAsync)
            .WithName("ResetPassword")
            .WithValidation<ResetPasswordRequest>();

        return endpoints;
    }

    /// <summary>202 whatever the address, so the answer does not tell who has an account.</summary>
    private static async Task<Accepted> ForgotAsync(EmailRequest request, PasswordManagement passwords, CancellationToken cancellationToken)
    {
        await passwords.SendResetLinkAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(
        ResetPasswordRequest request, PasswordManagement passwords, CancellationToken cancellationToken) =>
        await passwords.ResetAsync(request.Token, request.NewPassword, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: "The reset link is invalid, expired or already used. Ask for a new one with POST password/forgot.");
}
