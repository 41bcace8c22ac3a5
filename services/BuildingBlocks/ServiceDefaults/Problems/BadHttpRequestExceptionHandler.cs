using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DaprShop.ServiceDefaults.Problems;

/// <summary>
/// Client errors the server detects while reading a request (body over the size limit → 413, malformed body → 400)
/// surface as <see cref="BadHttpRequestException"/>; answer them with their own status as problem+json instead of 500.
/// </summary>
internal sealed class BadHttpRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Detail = badRequest.Message },
        });
    }
}
