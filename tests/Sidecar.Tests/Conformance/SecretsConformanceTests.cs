using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>Secrets, reference §5: API shapes, local.file flattening (single- and multi-valued), local.env with a prefix.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class SecretsConformanceTests(ConformanceFixture fixture)
{
    private SidecarUnderTest A => fixture.A;

    [Fact]
    public async Task Get_TopLevelSecret_ReturnsNameValueObject()
    {
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/redisPassword"));

        DaprAssert.JsonEquivalent("""{"redisPassword":"pw"}""", body);
    }

    [Fact]
    public async Task Get_NestedValue_IsReachableByItsFlattenedName()
    {
        // §5.2 multiValued=false: nested objects are flattened with ":" → secret "db:user".
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/db:user"));

        DaprAssert.JsonEquivalent("""{"db:user":"u"}""", body);
    }

    [Fact]
    public async Task Get_ArrayElement_IsFlattenedWithItsIndex()
    {
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/list:1"));

        DaprAssert.JsonEquivalent("""{"list:1":"second"}""", body);
    }

    [Fact]
    public async Task Get_NestedObjectName_IsNotASecretAndReturns500SecretGet()
    {
        // §5.2: GET .../db → 500 "secret db not found".
        DaprAssert.Error(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/db"), 500, "ERR_SECRET_GET");
    }

    [Fact]
    public async Task Get_MissingSecret_Returns500SecretGet()
    {
        DaprAssert.Error(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/no-such-secret"), 500, "ERR_SECRET_GET");
    }

    [Fact]
    public async Task Bulk_FileStore_ReturnsEveryFlattenedSecretAsNameToNameValueMap()
    {
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.FileSecrets}/bulk"));

        DaprAssert.JsonEquivalent("""
            {
              "redisPassword": { "redisPassword": "pw" },
              "db:user": { "db:user": "u" },
              "db:pass": { "db:pass": "p" },
              "mysql:conn:host": { "mysql:conn:host": "h" },
              "mysql:conn:port": { "mysql:conn:port": "3306" },
              "list:0": { "list:0": "first" },
              "list:1": { "list:1": "second" }
            }
            """, body);
    }

    [Fact]
    public async Task Get_MultiValuedStore_TopLevelKeyReturnsItsFlattenedKeys()
    {
        // §5.2 multiValued=true: GET .../db → {"user":"u","pass":"p"}; deeper levels flattened with the separator.
        DaprAssert.JsonEquivalent("""{"user":"u","pass":"p"}""", DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.MultiValuedSecrets}/db")));
        DaprAssert.JsonEquivalent("""{"conn:host":"h","conn:port":"3306"}""", DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.MultiValuedSecrets}/mysql")));
    }

    [Fact]
    public async Task Get_MultiValuedStore_FlattenedNameIsNotASecret()
    {
        DaprAssert.Error(await A.GetAsync($"/v1.0/secrets/{Names.MultiValuedSecrets}/db:user"), 500, "ERR_SECRET_GET");
    }

    [Fact]
    public async Task Get_UnknownStore_Returns401SecretStoreNotFound()
    {
        // §5.1: unknown store → 401 (source; the docs' 400 is wrong).
        DaprAssert.Error(await A.GetAsync("/v1.0/secrets/no-such-store/x"), 401, "ERR_SECRET_STORE_NOT_FOUND");
    }

    [Fact]
    public async Task Bulk_UnknownStore_Returns401SecretStoreNotFound()
    {
        DaprAssert.Error(await A.GetAsync("/v1.0/secrets/no-such-store/bulk"), 401, "ERR_SECRET_STORE_NOT_FOUND");
    }

    [Fact]
    public async Task Get_EnvStoreWithPrefix_ReadsThePrefixedVariableByItsShortName()
    {
        // §5.3: GET .../DB_PASSWORD reads <prefix>DB_PASSWORD and answers under the short name.
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.EnvSecrets}/DB_PASSWORD"));

        DaprAssert.JsonEquivalent("""{"DB_PASSWORD":"env-pw"}""", body);
    }

    [Fact]
    public async Task Bulk_EnvStoreWithPrefix_ReturnsOnlyPrefixedVariablesWithoutThePrefix()
    {
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.EnvSecrets}/bulk"));

        DaprAssert.JsonEquivalent("""{"DB_PASSWORD":{"DB_PASSWORD":"env-pw"},"API_KEY":{"API_KEY":"env-key"}}""", body);
    }

    [Fact]
    public async Task Get_EnvStoreMissingVariable_Returns200WithEmptyValue()
    {
        // §5.3: a variable that does not exist → 200 with "" (no error).
        var body = DaprAssert.Json(await A.GetAsync($"/v1.0/secrets/{Names.EnvSecrets}/NOT_SET_ANYWHERE"));

        DaprAssert.JsonEquivalent("""{"NOT_SET_ANYWHERE":""}""", body);
    }
}
