using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Contracts;
using DaprShop.Testing;
using Microsoft.Data.Sqlite;

namespace DaprShop.Catalog.Tests.Integration;

/// <summary>
/// An admin write is saved with its event in the outbox, so a broker that is down neither turns it into an error nor
/// loses the event: the outbox's reminder publishes it once the broker is back.
/// </summary>
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
    public async Task A_product_saved_while_its_event_cannot_be_published_is_created_searchable_and_announced_once_the_broker_is_back()
    {
        var sku = $"NOBROKER-{Random.Shared.Next(100_000, 999_999)}";
        var created = await _host.Client.SendAsync(CatalogHost.As(
            _tokens.Admin(Guid.CreateVersion7()), HttpMethod.Post, "products", JsonContent.Create(CatalogApiTests.ProductBody("Brokerless lantern", sku))));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await _host.Client.GetFromJsonAsync<JsonElement>("products?q=brokerless");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var pending = Assert.Single(PendingOutboxRecords());
        Assert.Equal(Topics.ProductCreated, pending.GetProperty("topic").GetString());
        Assert.Equal(sku, pending.GetProperty("data").GetProperty("variants")[0].GetProperty("sku").GetString());

        await _host.DisposeAsync();
        _host = await CatalogHost.StartAsync(_directory, _tokens, withBroker: true);

        // The record goes only after the broker took the event.
        await Eventually.HoldsAsync(() => Task.FromResult(PendingOutboxRecords().Count == 0), "the product-created event published by its reminder");
    }

    /// <summary>The outbox records in the SQLite file: a test may list keys, which Dapr's state API cannot.</summary>
    private List<JsonElement> PendingOutboxRecords()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "state.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM state WHERE key LIKE '%||outbox:%'";
        using var reader = command.ExecuteReader();
        var records = new List<JsonElement>();
        while (reader.Read()) records.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        return records;
    }
}
