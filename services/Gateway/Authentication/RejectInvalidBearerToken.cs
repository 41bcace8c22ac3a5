using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace DaprShop.Gateway.Authentication;

/// <summary>
/// The edge check on a forwarded request: a caller who presents credentials must present a valid access token, or the
/// request stops here with 401 (RFC 6750 <c>invalid_token</c>) instead of costing every app behind the gateway a
/// rejection of its own. A request without an <c>Authorization</c> header goes on anonymously: each app decides what
/// anonymous callers may do, and checks a forwarded token again itself.
/// </summary>
public sealed class RejectInvalidBearerToken : IEndpointFilter
{
    public const string Challenge = "Bearer error=\"invalid_token\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return await next(invocation);
        }

        // The authentication middleware already validated the token; the handler hands back that same result.
        // A header that is not "Bearer <token>" fails too: no app understands any other scheme.
        var authentication = await context.AuthenticateAsync();
        if (authentication.Succeeded)
        {
            return await next(invocation);
        }

        context.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            detail: "The bearer token is not a valid access token from identity (malformed, expired, or not signed by identity's key). Log in again, or send no Authorization header.");
    }
}
