using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DaprShop.Dapr;

/// <summary>
/// When <c>APP_API_TOKEN</c> is set, only the sidecar may call the app: every request must carry
/// <c>dapr-api-token</c> equal to it, else 401 problem+json. Endpoints marked with <see cref="AllowWithoutDaprAppTokenMetadata"/>
/// and the configured path prefixes are exempt. Must run after routing so the endpoint's metadata is known.
/// </summary>
internal sealed class AppApiTokenMiddleware(RequestDelegate next, IOptions<AppApiTokenOptions> options)
{
    private const string TokenHeader = "dapr-api-token";

    // Hashing both sides makes the comparison constant-time regardless of the presented token's length.
    private readonly byte[]? _expectedTokenHash = options.Value.Token is { Length: > 0 } token ? Hash(token) : null;
    private readonly PathString[] _exemptPathPrefixes = [.. options.Value.ExemptPathPrefixes];

    public Task InvokeAsync(HttpContext context)
    {
        if (_expectedTokenHash is null || IsExempt(context) || PresentsValidToken(context.Request))
        {
            return next(context);
        }

        return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"This app only accepts calls from its Dapr sidecar: the {TokenHeader} header is missing or wrong.")
            .ExecuteAsync(context);
    }

    private bool IsExempt(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AllowWithoutDaprAppTokenMetadata>() is not null
        || _exemptPathPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private bool PresentsValidToken(HttpRequest request) =>
        request.Headers[TokenHeader] is [{ } presented]
        && CryptographicOperations.FixedTimeEquals(Hash(presented), _expectedTokenHash);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
