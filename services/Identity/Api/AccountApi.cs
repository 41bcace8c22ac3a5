using DaprShop.Identity.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprShop.Identity.Api;

/// <summary>Anonymous account endpoints: registration and email verification.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("").WithTags("Account");

        account.MapPost("/register", RegisterAsync)
            .WithName("Register")
            .WithValidation<RegisterRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        account.MapPost("/verify-email", VerifyEmailAsync)
            .WithName("VerifyEmail")
            .WithValidation<VerifyEmailRequest>();

        account.MapPost("/verify-email/resend", ResendVerificationAsync)
            .WithName("ResendVerificationEmail")
            .WithValidation<EmailRequest>();

        return endpoints;
    }

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountRegistration registration, CancellationToken cancellationToken) =>
        await registration.RegisterAsync(request.Email, request.Password, request.Name, cancellationToken) is { } account
            ? TypedResults.Created("me", AccountView.Of(account))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: "An account with this email address already exists.");

    private static async Task<Results<NoContent, ProblemHttpResult>> VerifyEmailAsync(
        VerifyEmailRequest request, EmailVerification verification, CancellationToken cancellationToken) =>
        await verification.VerifyAsync(request.Token, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: "The verification link is invalid, expired or already used. Ask for a new one with POST verify-email/resend.");

    /// <summary>202 whatever the address, so the answer does not tell who has an account.</summary>
    private static async Task<Accepted> ResendVerificationAsync(EmailRequest request, EmailVerification verification, CancellationToken cancellationToken)
    {
        await verification.ResendAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
