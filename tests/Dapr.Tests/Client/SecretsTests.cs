using System.Net;
using DaprShop.Dapr.Tests.Infrastructure;

namespace DaprShop.Dapr.Tests.Client;

[Collection(SidecarCollection.Name)]
public sealed class SecretsTests(SidecarFixture sidecar)
{
    private const string Store = "secretstore";

    private readonly DaprClient _client = sidecar.Client;

    [Fact]
    public async Task A_secret_is_read_as_its_key_value_map()
    {
        Assert.Equal(new Dictionary<string, string> { ["jwt-signing-key"] = "pem-text" }, await _client.GetSecretAsync(Store, "jwt-signing-key"));
        Assert.Equal(new Dictionary<string, string> { ["db:user"] = "u" }, await _client.GetSecretAsync(Store, "db:user"));
    }

    [Fact]
    public async Task Bulk_read_returns_every_secret()
    {
        var secrets = await _client.GetBulkSecretAsync(Store);

        Assert.Equal(["db:pass", "db:user", "jwt-signing-key"], secrets.Keys.Order());
        Assert.Equal("p", secrets["db:pass"]["db:pass"]);
    }

    [Fact]
    public async Task An_unknown_secret_is_err_secret_get()
    {
        var failure = await Assert.ThrowsAsync<DaprApiException>(() => _client.GetSecretAsync(Store, "no-such-secret"));

        Assert.Equal("ERR_SECRET_GET", failure.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
    }

    [Fact]
    public async Task An_unknown_store_is_err_secret_store_not_found_with_401()
    {
        var failure = await Assert.ThrowsAsync<DaprApiException>(() => _client.GetSecretAsync("no-such-store", "x"));

        Assert.Equal("ERR_SECRET_STORE_NOT_FOUND", failure.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
    }
}
