using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DaprShop.Gateway.RateLimiting;

internal static class RateLimitingSetup
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddOptions<GatewayRateLimitOptions>()
            .BindConfiguration(GatewayRateLimitOptions.SectionName)
            .Validate(limits => limits.Login.IsValid && limits.Writes.IsValid, $"Every limit in {GatewayRateLimitOptions.SectionName} needs a PermitLimit of at least 1 and a positive Window.")
            .ValidateOnStart();

        return services.AddRateLimiter(limiter =>
        {
            // One limiter for the whole edge: every app sits behind the single forwarding endpoint.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ClientPartitions.For(context, context.RequestServices.GetRequiredService<IOptions<GatewayRateLimitOptions>>().Value));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // A fixed window's rejection says how long until the window that has room: the whole window, an upper bound.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client sent too many requests of this kind; try again in {seconds} s.",
            },
        });
    }
}
