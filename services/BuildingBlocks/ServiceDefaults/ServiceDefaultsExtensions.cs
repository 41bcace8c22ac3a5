using System.Diagnostics;
using DaprShop.Dapr;
using DaprShop.ServiceDefaults;
using DaprShop.ServiceDefaults.Auth;
using DaprShop.ServiceDefaults.Health;
using DaprShop.ServiceDefaults.Hosting;
using DaprShop.ServiceDefaults.Logging;
using DaprShop.ServiceDefaults.OpenApi;
using DaprShop.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// What every DaprShop service shares (after dotnet/eShop's ServiceDefaults), so a service's Program.cs is:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddServiceDefaults();
/// builder.Services.AddCatalog();
/// var app = builder.Build();
/// app.UseServiceDefaults();
/// app.MapCatalogApi();
/// app.Run();
/// </code>
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private const string ReadinessTag = "ready";

    /// <summary>
    /// Serilog console logging, the APP_PORT binding of <c>dapr run</c>, the request body limit, problem details,
    /// health checks (sidecar readiness included), OpenAPI, bearer authentication with identity's access tokens
    /// (<see cref="AuthPolicies"/>) and the <see cref="DaprClient"/>.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, Action<ServiceDefaultsOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(ServiceDefaultsOptions.SectionName).Get<ServiceDefaultsOptions>() ?? new ServiceDefaultsOptions();
        configure?.Invoke(options);

        builder.AddSerilogConsole();
        AppPortBinding.ListenOnAppPort(builder.Configuration);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize);

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<BadHttpRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<SidecarUnavailableExceptionHandler>();
        // Unreadable bodies and parameters throw BadHttpRequestException in every environment, so the handler above
        // answers them with a 400 problem that says what was wrong (not only in Development).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        builder.Services.AddDaprClient(client => client
            .UseHttpEndpoint(DaprDefaults.GetDefaultHttpEndpoint(builder.Configuration))
            .UseDaprApiToken(DaprDefaults.GetDefaultDaprApiToken(builder.Configuration)));
        builder.Services.AddHealthChecks()
            .AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", tags: [ReadinessTag], timeout: TimeSpan.FromSeconds(2));
        builder.Services.AddOpenApi();
        builder.Services.AddAccessTokenAuthentication();
        return builder;
    }

    /// <summary>
    /// The middleware and endpoints every service needs, in this order: exception handler and status-code pages
    /// (problem+json for every error), routing, the sidecar's app API token check, authentication and authorization, CloudEvents unwrapping,
    /// Swagger UI, then the health, OpenAPI and <c>/dapr/subscribe</c> endpoints.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseDaprAppApiToken(token =>
        {
            token.Token = DaprDefaults.GetDefaultAppApiToken(app.Configuration);
            token.ExemptPathPrefixes.Add(OpenApiSetup.SwaggerUiPath);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCloudEvents();
        app.UseSwaggerUiForOpenApiDocument(app.Environment.ApplicationName);

        app.MapDefaultEndpoints();
        app.MapSubscribeHandler();
        return app;
    }

    /// <summary>
    /// <c>/healthz</c>: liveness, 200 while the process serves requests; it checks nothing else because daprd's app
    /// health probe calls it and must not depend on daprd itself. <c>/readyz</c>: every registered check, the sidecar
    /// included. Both, and the OpenAPI document, are reachable without the app API token.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }).AllowWithoutDaprAppToken();
        app.MapHealthChecks(ReadinessPath).AllowWithoutDaprAppToken();
        app.MapOpenApiDocument().AllowWithoutDaprAppToken();
        return app;
    }
}
