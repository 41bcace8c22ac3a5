using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DaprShop.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI over it at <c>/swagger</c>.</summary>
internal static class OpenApiSetup
{
    public const string SwaggerUiPath = "/swagger";

    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/openapi/{documentName}.json");

    public static IApplicationBuilder UseSwaggerUiForOpenApiDocument(this IApplicationBuilder app, string title) =>
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = SwaggerUiPath.TrimStart('/');
            // Relative to /swagger/index.html, so the UI also works behind the gateway's /api/{app}/ prefix.
            options.SwaggerEndpoint("../openapi/v1.json", title);
            options.DocumentTitle = title;
        });
}
