using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Gateway.Routing;

namespace DaprShop.Gateway.Tests;

/// <summary>The gateway's one Swagger UI lists every app's OpenAPI document, each fetched through the gateway.</summary>
public sealed partial class AggregatedSwaggerUiTests : IAsyncLifetime
{
    private static readonly Uri SwaggerPage = new("/swagger/index.html", UriKind.Relative);

    private FakeSidecar _sidecar = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeSidecar.StartAsync();
        _gateway = await GatewayHost.StartAsync(_sidecar.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task The_swagger_ui_lists_every_routable_app_and_the_gateway_itself()
    {
        var documents = await ListedDocumentsAsync();

        var pathsByName = documents.ToDictionary(document => document.Key, document => new Uri(new Uri(_gateway.Address, SwaggerPage), document.Value).AbsolutePath);
        foreach (var appId in GatewayRoutes.RoutableAppIds)
        {
            Assert.Equal($"/api/{appId}/openapi/v1.json", pathsByName[appId]);
        }

        // The gateway's own, named after the application (DaprShop.Gateway when run as itself).
        var gatewaysOwn = Assert.Single(pathsByName, document => !GatewayRoutes.RoutableAppIds.Contains(document.Key));
        Assert.Equal("/openapi/v1.json", gatewaysOwn.Value);
    }

    [Fact]
    public async Task Every_listed_app_document_is_fetched_anonymously_from_that_apps_openapi_endpoint()
    {
        var documents = await ListedDocumentsAsync();

        foreach (var appId in GatewayRoutes.RoutableAppIds)
        {
            var response = await _gateway.Client.GetAsync(new Uri(new Uri(_gateway.Address, SwaggerPage), documents[appId]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(
            GatewayRoutes.RoutableAppIds.Select(appId => $"/v1.0/invoke/{appId}/method/openapi/v1.json").Order(),
            _sidecar.Received.Select(received => received.PathAndQuery).Order());
        Assert.All(_sidecar.Received, received => Assert.False(received.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task The_swagger_ui_is_served_at_swagger()
    {
        var response = await _gateway.Client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The UI's document list (name → URL relative to the page), from the configuration script it loads.</summary>
    private async Task<Dictionary<string, string>> ListedDocumentsAsync()
    {
        var script = await _gateway.Client.GetStringAsync("/swagger/index.js");
        var configuration = JsonDocument.Parse(ConfigObject().Match(script).Groups["json"].Value).RootElement;
        return configuration.GetProperty("urls").EnumerateArray()
            .ToDictionary(entry => entry.GetProperty("name").GetString()!, entry => entry.GetProperty("url").GetString()!);
    }

    [GeneratedRegex(@"var configObject = (?<json>\{.*?\});\s*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ConfigObject();
}
