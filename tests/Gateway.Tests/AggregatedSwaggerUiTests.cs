using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DaprShop.Gateway.Routing;
using Microsoft.AspNetCore.Http;

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

    [Theory]
    [InlineData("catalog", "/api/catalog/openapi/v1.json")]
    [InlineData("orders", "/api/orders/openapi/v1.json")]
    public async Task An_apps_document_names_the_apps_public_prefix_as_its_server_so_try_it_out_goes_through_the_gateway(string publicName, string path)
    {
        _sidecar.Respond = context => context.Response.WriteAsJsonAsync(new
        {
            openapi = "3.1.1",
            info = new { title = "app", version = "v1" },
            servers = new[] { new { url = "http://127.0.0.1:5102/" } },
            paths = new { },
        });

        var document = JsonDocument.Parse(await _gateway.Client.GetStringAsync(path)).RootElement;

        Assert.Equal($"/api/{publicName}", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
        Assert.Equal("app", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/catalog/products")]
    [InlineData("/api/catalog/openapi/v1.json/extra")]
    public async Task Other_json_answers_keep_their_servers(string path)
    {
        const string body = """{"servers":[{"url":"http://example.com"}]}""";
        _sidecar.Respond = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        };

        Assert.Equal(body, await _gateway.Client.GetStringAsync(path));
    }

    [Fact]
    public async Task A_document_that_is_not_json_is_passed_on_as_it_came()
    {
        _sidecar.Respond = context => context.Response.WriteAsync("not json");

        Assert.Equal("not json", await _gateway.Client.GetStringAsync("/api/catalog/openapi/v1.json"));
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
