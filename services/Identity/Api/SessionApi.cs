using System.Globalization;
using DaprShop.Contracts.Cart;
using DaprShop.Identity.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DaprShop.Identity.Api;

/// <summary>Sign-in, token refresh and sign-out.</summary>
public static class SessionApi
{
    /// <summary>Longest guest cart id passed on to cart; longer header values are ignored rather than forwarded.</summary>
    private const int GuestCartIdMaxLength = 100;

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapGroup("").WithTags("Sessions");

        sessions.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithValidation<LoginRequest>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked);

        sessions.MapPost("/refresh", RefreshAsync)
            .WithName("RefreshTokens")
            .WithValidation<RefreshTokenRequest>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        sessions.MapPost("/logout", LogoutAsync)
            .WithName("Logout")
            .WithValidation<RefreshTokenRequest>();

        return endpoints;
    }

    /// <summary>
    /// With <see cref="CartHeaders.CartId"/>, a successful login also has that guest cart merged into the user's cart;
    /// the login succeeds whether or not the merge does.
    /// </summary>
    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        [FromHeader(Name = CartHeaders.CartId)] string? guestCartId,
        SessionService sessions,
        GuestCartMerge cartMerge,
        HttpContext http,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var outcome = await sessions.LoginAsync(request.Email, request.Password, cancellationToken);
        switch (outcome.Status)
        {
            case LoginStatus.SignedIn:
                if (guestCartId is { Length: > 0 and <= GuestCartIdMaxLength })
                {
                    await cartMerge.MergeAsync(guestCartId, outcome.User!.Id, cancellationToken);
                }

                return TypedResults.Ok(outcome.Tokens);
            case LoginStatus.Locked:
                var lockedUntil = outcome.LockedUntil!.Value;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((lockedUntil - clock.GetUtcNow()).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status423Locked,
                    detail: $"Too many failed logins: this account is locked until {lockedUntil:O}. Try again then, or reset the password.",
                    extensions: new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil });
            case LoginStatus.Disabled:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "This account is disabled.");
            case LoginStatus.EmailNotVerified:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    detail: "This email address is not verified yet. Open the link in the verification email, or ask for a new one with POST verify-email/resend.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The email address or password is wrong.");
        }
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> RefreshAsync(
        RefreshTokenRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        var (status, tokens) = await sessions.RefreshAsync(request.RefreshToken, cancellationToken);
        return status switch
        {
            RefreshStatus.Refreshed => TypedResults.Ok(tokens),
            RefreshStatus.Reused => TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                detail: "This refresh token was already used. For safety the whole session it belongs to is now signed out; log in again."),
            RefreshStatus.Disabled => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "This account is disabled."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "The refresh token is invalid, expired or revoked; log in again."),
        };
    }

    /// <summary>204 whatever the token: signing out twice, or with an unknown token, leaves nothing to report.</summary>
    private static async Task<NoContent> LogoutAsync(RefreshTokenRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        await sessions.LogoutAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }
}
