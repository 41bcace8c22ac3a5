using System.Net;
using DaprShop.Dapr;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DaprShop.ServiceDefaults.Problems;

/// <summary>
/// The sidecar unreachable, or a building block behind it failing (5xx from the Dapr API), is an outage of a
/// dependency, not a bug in the request: answer 503 problem+json so callers know to retry, instead of a bare 500.
/// </summary>
internal sealed class SidecarUnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            HttpRequestException => "The Dapr sidecar could not be reached.",
            DaprApiException { StatusCode: >= HttpStatusCode.InternalServerError } failure => $"A Dapr building block failed ({failure.ErrorCode}).",
            _ => null,
        };
        if (detail is null) return false;

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable", Detail = detail },
        });
    }
}
