using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Testing;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>An admin write is saved before its event is published, so a broker that is down must not turn it into an error.</summary>
public sealed class CatalogWithoutBrokerTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-catalog-nobroker-").FullName;
    private readonly TestAccessTokens _tokens = new();
    private CatalogHost _host = null!;

    public async Task InitializeAsync() => _host = await CatalogHost.StartAsync(_directory, _tokens, withBroker: false);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_product_saved_while_its_event_cannot_be_published_is_created_and_searchable()
    {
        var sku = $"NOBROKER-{Random.Shared.Next(100_000, 999_999)}";
        var created = await _host.Client.SendAsync(CatalogHost.As(
            _tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", JsonContent.Create(CatalogApiTests.ProductBody("Brokerless lantern", sku))));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await _host.Client.GetFromJsonAsync<JsonElement>("products?q=brokerless");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }
}
