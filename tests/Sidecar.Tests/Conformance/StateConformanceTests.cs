using System.Globalization;
using System.Text.Json;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>State management, reference §2 (and §0.2/§0.3/§0.5 conventions), against state.in-memory and state.sqlite.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class StateConformanceTests(ConformanceFixture fixture)
{
    private const string Store = "/v1.0/state/" + Names.StateStore;

    // A value whose Go re-serialisation equals its own text (keys sorted, compact, no HTML characters, small numbers):
    // daprd decodes the saved value and the store re-marshals it, so only such a text is byte-stable through daprd.
    private const string CanonicalValue = """{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}""";

    private SidecarUnderTest A => fixture.A;

    private static string Key(string prefix = "k") => $"{prefix}-{Guid.NewGuid():N}";

    private async Task SaveAsync(string key, string valueJson, string store = Names.StateStore, SidecarUnderTest? via = null) =>
        DaprAssert.NoContent(await (via ?? A).PostJsonAsync($"/v1.0/state/{store}", $$"""[{"key":"{{key}}","value":{{valueJson}}}]"""));

    private async Task<string?> EtagOfAsync(string key)
    {
        var response = await A.GetAsync($"{Store}/{key}");
        DaprAssert.Status(response, 200);
        return response.Header("ETag");
    }

    [Fact]
    public async Task Save_ArrayOfItems_Returns204AndEveryItemIsStored()
    {
        var (first, second) = (Key(), Key());
        var response = await A.PostJsonAsync(Store, $$$"""[{"key":"{{{first}}}","value":{"n":1}},{"key":"{{{second}}}","value":[1,2]}]""");

        DaprAssert.NoContent(response);
        Assert.Equal("""{"n":1}""", (await A.GetAsync($"{Store}/{first}")).Text);
        Assert.Equal("[1,2]", (await A.GetAsync($"{Store}/{second}")).Text);
    }

    [Fact]
    public async Task Save_WithPut_Returns204()
    {
        // §2.1: POST and PUT are both accepted for save.
        var key = Key();
        var response = await A.SendAsync(HttpMethod.Put, Store, SidecarUnderTest.Content($$"""[{"key":"{{key}}","value":"v"}]""", "application/json"));

        DaprAssert.NoContent(response);
    }

    [Fact]
    public async Task Save_EmptyArray_Returns204()
    {
        DaprAssert.NoContent(await A.PostJsonAsync(Store, "[]"));
    }

    [Fact]
    public async Task Save_ItemWithoutKey_Returns400MalformedRequest()
    {
        // §2.2: missing key → 400 (daprd: ERR_MALFORMED_REQUEST '"key" is a required field').
        DaprAssert.Error(await A.PostJsonAsync(Store, """[{"value":"no key"}]"""), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Save_KeyContainingDoublePipe_Returns400MalformedRequest()
    {
        // §2.2: key must not contain "||" → 400 ERR_MALFORMED_REQUEST.
        DaprAssert.Error(await A.PostJsonAsync(Store, """[{"key":"a||b","value":1}]"""), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Get_KeyContainingDoublePipe_Returns400MalformedRequest()
    {
        // §2.3: 400 on invalid key.
        DaprAssert.Error(await A.GetAsync($"{Store}/a%7C%7Cb"), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Save_MalformedJson_Returns400MalformedRequest()
    {
        DaprAssert.Error(await A.PostJsonAsync(Store, """[{"key":"k","value":"""), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Get_ExistingKey_Returns200ExactJsonTextAndETag()
    {
        // §2.3: 200, body = the JSON text of the saved value, Content-Type application/json, ETag header.
        var key = Key();
        await SaveAsync(key, CanonicalValue);

        var response = await A.GetAsync($"{Store}/{key}");

        DaprAssert.Status(response, 200);
        Assert.Equal(CanonicalValue, response.Text);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(response.Header("ETag")), "GET must return the item's ETag header");
    }

    [Fact]
    public async Task Get_MissingKey_Returns204WithEmptyBody()
    {
        DaprAssert.NoContent(await A.GetAsync($"{Store}/{Key("missing")}"));
    }

    [Fact]
    public async Task Get_StringValue_KeepsItsJsonQuotes()
    {
        // §2.2: a string "hello" is stored (and returned) as "hello" with quotes.
        var key = Key();
        await SaveAsync(key, "\"hello\"");

        Assert.Equal("\"hello\"", (await A.GetAsync($"{Store}/{key}")).Text);
    }

    [Theory]
    [InlineData(Names.StateStore)]
    [InlineData(Names.Sqlite)]
    public async Task Get_StringWithApostropheAndNonAscii_ReturnsTheSameJsonText(string store)
    {
        // §2.2/§2.3: the body is the JSON text of the saved value. daprd re-marshals values with Go's encoding/json,
        // which leaves "'" and non-ASCII characters as they are (it only escapes quotes, backslashes, control
        // characters and <, >, &), so a client gets back exactly "it's café".
        var key = Key();
        await SaveAsync(key, "\"it's café\"", store);

        Assert.Equal("\"it's café\"", (await A.GetAsync($"/v1.0/state/{store}/{key}")).Text);
    }

    public static TheoryData<string, string, string?> StateRoutes => new()
    {
        { "GET", "/v1.0/state/no-such-store/k", null },
        { "POST", "/v1.0/state/no-such-store", """[{"key":"k","value":1}]""" },
        { "DELETE", "/v1.0/state/no-such-store/k", null },
        { "POST", "/v1.0/state/no-such-store/bulk", """{"keys":["k"]}""" },
        { "POST", "/v1.0/state/no-such-store/transaction", """{"operations":[{"operation":"delete","request":{"key":"k"}}]}""" },
    };

    [Theory]
    [MemberData(nameof(StateRoutes))]
    public async Task AnyStateRoute_UnknownStore_Returns400StateStoreNotFound(string method, string path, string? body)
    {
        var response = await A.SendAsync(new HttpMethod(method), path, body is null ? null : SidecarUnderTest.Content(body, "application/json"));

        DaprAssert.Error(response, 400, "ERR_STATE_STORE_NOT_FOUND");
    }

    [Fact]
    public async Task Save_FirstWriteWithoutETagOnExistingKey_Returns409()
    {
        // §2.2: first-write and no etag fails with 409 if the key exists.
        var key = Key();
        await SaveAsync(key, "1");

        var response = await A.PostJsonAsync(Store, $$$"""[{"key":"{{{key}}}","value":2,"options":{"concurrency":"first-write"}}]""");

        DaprAssert.Error(response, 409, "ERR_STATE_SAVE");
        Assert.Equal("1", (await A.GetAsync($"{Store}/{key}")).Text);
    }

    [Fact]
    public async Task Save_FirstWriteWithoutETagOnNewKey_Returns204()
    {
        var key = Key();
        DaprAssert.NoContent(await A.PostJsonAsync(Store, $$$"""[{"key":"{{{key}}}","value":2,"options":{"concurrency":"first-write"}}]"""));
    }

    [Fact]
    public async Task Save_WrongETag_Returns409AndKeepsTheValue()
    {
        var key = Key();
        await SaveAsync(key, "1");

        var response = await A.PostJsonAsync(Store, $$"""[{"key":"{{key}}","value":2,"etag":"not-the-etag"}]""");

        DaprAssert.Error(response, 409, "ERR_STATE_SAVE");
        Assert.Equal("1", (await A.GetAsync($"{Store}/{key}")).Text);
    }

    [Fact]
    public async Task Save_MatchingETag_Returns204AndChangesTheETag()
    {
        var key = Key();
        await SaveAsync(key, "1");
        var etag = await EtagOfAsync(key);

        DaprAssert.NoContent(await A.PostJsonAsync(Store, $$"""[{"key":"{{key}}","value":2,"etag":"{{etag}}"}]"""));

        Assert.Equal("2", (await A.GetAsync($"{Store}/{key}")).Text);
        Assert.NotEqual(etag, await EtagOfAsync(key));
    }

    [Fact]
    public async Task Delete_WrongETagViaIfMatch_Returns409AndKeepsTheKey()
    {
        // §2.5: If-Match supplies the etag; mismatch → 409.
        var key = Key();
        await SaveAsync(key, "1");

        var response = await A.DeleteAsync($"{Store}/{key}", new Dictionary<string, string> { ["If-Match"] = "not-the-etag" });

        DaprAssert.Error(response, 409, "ERR_STATE_DELETE");
        DaprAssert.Status(await A.GetAsync($"{Store}/{key}"), 200);
    }

    [Fact]
    public async Task Delete_MatchingETagViaIfMatch_Returns204AndRemovesTheKey()
    {
        var key = Key();
        await SaveAsync(key, "1");
        var etag = await EtagOfAsync(key);

        DaprAssert.NoContent(await A.DeleteAsync($"{Store}/{key}", new Dictionary<string, string> { ["If-Match"] = etag! }));

        DaprAssert.NoContent(await A.GetAsync($"{Store}/{key}"));
    }

    [Fact]
    public async Task Delete_WithoutETag_Returns204()
    {
        var key = Key();
        await SaveAsync(key, "1");

        DaprAssert.NoContent(await A.DeleteAsync($"{Store}/{key}"));
        DaprAssert.NoContent(await A.GetAsync($"{Store}/{key}"));
    }

    [Fact]
    public async Task Save_LastWriteWithoutETag_OverwritesTheExistingValue()
    {
        // §2.2: last-write (the default) without etag simply overwrites.
        var key = Key();
        await SaveAsync(key, "1");

        DaprAssert.NoContent(await A.PostJsonAsync(Store, $$$"""[{"key":"{{{key}}}","value":2,"options":{"concurrency":"last-write"}}]"""));

        Assert.Equal("2", (await A.GetAsync($"{Store}/{key}")).Text);
    }

    [Fact]
    public async Task Save_TtlInSeconds_ReportsTtlExpireTimeAndExpires()
    {
        // §2.2 metadata.ttlInSeconds; §2.3 + §9.2: in-memory reports metadata.ttlExpireTime (RFC3339) as a header.
        var key = Key();
        var saved = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await A.PostJsonAsync(Store, $$$"""[{"key":"{{{key}}}","value":1,"metadata":{"ttlInSeconds":"1"}}]"""));

        var response = await A.GetAsync($"{Store}/{key}");
        DaprAssert.Status(response, 200);
        AssertTtlExpireTime(response, saved, TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(() => A.GetAsync($"{Store}/{key}"), r => r.Status == 204, "TTL'd key to expire", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Save_TtlAsQueryStringMetadata_AppliesToTheItems()
    {
        // §0.2 / §2.2: ?metadata.ttlInSeconds=1 is merged into every item.
        var key = Key();
        var saved = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await A.PostJsonAsync($"{Store}?metadata.ttlInSeconds=1", $$"""[{"key":"{{key}}","value":1}]"""));

        AssertTtlExpireTime(await A.GetAsync($"{Store}/{key}"), saved, TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => A.GetAsync($"{Store}/{key}"), r => r.Status == 204, "key with query-string TTL to expire", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task QueryMetadata_WinsOverBodyMetadata()
    {
        // §0.2: for state save, query metadata is merged over the body-level metadata (query wins).
        var key = Key();
        var saved = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await A.PostJsonAsync($"{Store}?metadata.ttlInSeconds=60", $$$"""[{"key":"{{{key}}}","value":1,"metadata":{"ttlInSeconds":"600"}}]"""));

        AssertTtlExpireTime(await A.GetAsync($"{Store}/{key}"), saved, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task QueryMetadata_RepeatedParameter_OnlyTheFirstValueIsUsed()
    {
        var key = Key();
        var saved = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await A.PostJsonAsync($"{Store}?metadata.ttlInSeconds=60&metadata.ttlInSeconds=600", $$"""[{"key":"{{key}}","value":1}]"""));

        AssertTtlExpireTime(await A.GetAsync($"{Store}/{key}"), saved, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task QueryMetadata_PrefixIsCaseSensitive()
    {
        // §0.2: only parameters named exactly "metadata.<key>" are metadata; "Metadata.ttlInSeconds" is ignored.
        var key = Key();
        DaprAssert.NoContent(await A.PostJsonAsync($"{Store}?Metadata.ttlInSeconds=60", $$"""[{"key":"{{key}}","value":1}]"""));

        var response = await A.GetAsync($"{Store}/{key}");
        DaprAssert.Status(response, 200);
        Assert.Null(response.Header("metadata.ttlExpireTime"));
    }

    [Fact]
    public async Task Get_SqliteTtlItem_ReportsTtlExpireTimeHeader()
    {
        // §2.3: stores that report TTL expiry return it as metadata.ttlExpireTime (components-contrib sqlite does).
        var key = Key();
        var saved = DateTimeOffset.UtcNow;
        DaprAssert.NoContent(await A.PostJsonAsync($"/v1.0/state/{Names.Sqlite}", $$$"""[{"key":"{{{key}}}","value":1,"metadata":{"ttlInSeconds":"60"}}]"""));

        AssertTtlExpireTime(await A.GetAsync($"/v1.0/state/{Names.Sqlite}/{key}"), saved, TimeSpan.FromSeconds(60));
    }

    private static void AssertTtlExpireTime(ApiResponse response, DateTimeOffset saved, TimeSpan ttl)
    {
        DaprAssert.Status(response, 200);
        var header = response.Header("metadata.ttlExpireTime");
        Assert.False(header is null, "GET of a TTL'd item must carry a metadata.ttlExpireTime header");
        // Stores format it with Go's time.RFC3339 in UTC: second precision, "Z".
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", header);
        var expires = DateTimeOffset.Parse(header, CultureInfo.InvariantCulture);
        // RFC3339 at second precision: allow a second of truncation either way plus scheduling slack.
        Assert.InRange(expires, saved + ttl - TimeSpan.FromSeconds(2), saved + ttl + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task BulkGet_ReturnsKeyDataETagInRequestOrder_MissingKeysWithoutData()
    {
        // §2.4: fields key/data/etag (not "value"); same order as keys; a missing key comes back with no data.
        var (first, missing, second) = (Key(), Key("missing"), Key());
        await SaveAsync(first, """{"n":1}""");
        await SaveAsync(second, "\"two\"");

        var response = await A.PostJsonAsync($"{Store}/bulk", $$"""{"keys":["{{first}}","{{missing}}","{{second}}"],"parallelism":2}""");

        var items = DaprAssert.Json(response).EnumerateArray().ToList();
        Assert.Equal([first, missing, second], items.Select(i => DaprAssert.String(i, "key")));
        DaprAssert.JsonEquivalent("""{"n":1}""", items[0].GetProperty("data"));
        Assert.False(string.IsNullOrEmpty(DaprAssert.String(items[0], "etag")));
        DaprAssert.NoProperty(items[0], "value");
        DaprAssert.NoProperty(items[1], "data");
        DaprAssert.NoProperty(items[1], "etag");
        Assert.Equal("two", items[2].GetProperty("data").GetString());
    }

    [Fact]
    public async Task BulkGet_EmptyKeys_Returns200EmptyArray()
    {
        var body = DaprAssert.Json(await A.PostJsonAsync($"{Store}/bulk", """{"keys":[]}"""));

        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Empty(body.EnumerateArray());
    }

    [Fact]
    public async Task BulkGet_MalformedJson_Returns400MalformedRequest()
    {
        DaprAssert.Error(await A.PostJsonAsync($"{Store}/bulk", "{\"keys\":"), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Transaction_UpsertAndDelete_AreAppliedTogether()
    {
        var (upserted, deleted) = (Key(), Key());
        await SaveAsync(deleted, "0");

        var response = await A.PostJsonAsync($"{Store}/transaction", $$$"""
            {"operations":[
              {"operation":"upsert","request":{"key":"{{{upserted}}}","value":{"status":"shipped"} } },
              {"operation":"delete","request":{"key":"{{{deleted}}}"} } ] }
            """);

        DaprAssert.NoContent(response);
        Assert.Equal("""{"status":"shipped"}""", (await A.GetAsync($"{Store}/{upserted}")).Text);
        DaprAssert.NoContent(await A.GetAsync($"{Store}/{deleted}"));
    }

    [Fact]
    public async Task Transaction_WithBadETag_Returns500AndAppliesNothing()
    {
        // §2.6: any store failure (including ETag mismatch) → 500 ERR_STATE_TRANSACTION; all-or-nothing.
        var (fresh, guarded) = (Key(), Key());
        await SaveAsync(guarded, "1");

        var response = await A.PostJsonAsync($"{Store}/transaction", $$$"""
            {"operations":[
              {"operation":"upsert","request":{"key":"{{{fresh}}}","value":"new"}},
              {"operation":"upsert","request":{"key":"{{{guarded}}}","value":2,"etag":"not-the-etag"}}]}
            """);

        DaprAssert.Error(response, 500, "ERR_STATE_TRANSACTION");
        DaprAssert.NoContent(await A.GetAsync($"{Store}/{fresh}"));
        Assert.Equal("1", (await A.GetAsync($"{Store}/{guarded}")).Text);
    }

    [Fact]
    public async Task Transaction_UnknownOperation_Returns400NotSupportedStateOperation()
    {
        var response = await A.PostJsonAsync($"{Store}/transaction", """{"operations":[{"operation":"merge","request":{"key":"k","value":1}}]}""");

        DaprAssert.Error(response, 400, "ERR_NOT_SUPPORTED_STATE_OPERATION");
    }

    [Fact]
    public async Task Transaction_EmptyOperations_Returns204()
    {
        DaprAssert.NoContent(await A.PostJsonAsync($"{Store}/transaction", """{"operations":[]}"""));
    }

    [Fact]
    public async Task Transaction_MalformedJson_Returns400MalformedRequest()
    {
        DaprAssert.Error(await A.PostJsonAsync($"{Store}/transaction", "{\"operations\":[{"), 400, "ERR_MALFORMED_REQUEST");
    }

    [Theory]
    [InlineData("bulk", """{"keys":[]}""", 200)]
    [InlineData("transaction", """{"operations":[]}""", 204)]
    public async Task BulkAndTransaction_WithPut_AreAccepted(string route, string body, int status)
    {
        // §2.1: POST and PUT for /bulk and /transaction.
        var response = await A.SendAsync(HttpMethod.Put, $"{Store}/{route}", SidecarUnderTest.Content(body, "application/json"));

        DaprAssert.Status(response, status);
    }

    [Theory]
    [InlineData(Names.StateStore)]
    [InlineData(Names.Sqlite)]
    public async Task Query_StoreWithoutQueryApi_Returns500StateStoreNotSupported(string store)
    {
        // §2.7: only stores with the QUERY_API capability support /v1.0-alpha1/state/{store}/query; in-memory and
        // sqlite do not (§0.3: ERR_STATE_STORE_NOT_SUPPORTED, 500).
        var response = await A.PostJsonAsync($"/v1.0-alpha1/state/{store}/query", """{"filter":{"EQ":{"status":"paid"}},"page":{"limit":10}}""");

        DaprAssert.Error(response, 500, "ERR_STATE_STORE_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Paths_TrailingSlashAndDoubleSlashes_AreTolerated()
    {
        // §0.5: a trailing "/" is stripped for routing; duplicate "//" are collapsed.
        var key = Key();
        DaprAssert.NoContent(await A.PostJsonAsync(Store + "/", $$"""[{"key":"{{key}}","value":7}]"""));

        var response = await A.GetAsync($"/v1.0//state//{Names.StateStore}/{key}/");

        DaprAssert.Status(response, 200);
        Assert.Equal("7", response.Text);
    }

    [Fact]
    public async Task KeyPrefix_AppId_OtherAppCannotReadTheKey()
    {
        // §2.8: default keyPrefix is the app id; two apps sharing one SQLite file do not see each other's keys.
        var key = Key();
        await SaveAsync(key, "\"owned-by-a\"", Names.Sqlite, fixture.A);

        Assert.Equal("\"owned-by-a\"", (await fixture.A.GetAsync($"/v1.0/state/{Names.Sqlite}/{key}")).Text);
        DaprAssert.NoContent(await fixture.B.GetAsync($"/v1.0/state/{Names.Sqlite}/{key}"));
    }

    [Fact]
    public async Task KeyPrefix_None_OtherAppReadsTheSameKey()
    {
        var key = Key();
        await SaveAsync(key, "\"shared\"", Names.SqliteNoPrefix, fixture.A);

        Assert.Equal("\"shared\"", (await fixture.B.GetAsync($"/v1.0/state/{Names.SqliteNoPrefix}/{key}")).Text);
    }

    [Fact]
    public async Task KeyPrefix_Name_OtherAppReadsTheSameKeyThroughTheSameStoreName()
    {
        var key = Key();
        await SaveAsync(key, "\"by-name\"", Names.SqliteNamePrefix, fixture.A);

        Assert.Equal("\"by-name\"", (await fixture.B.GetAsync($"/v1.0/state/{Names.SqliteNamePrefix}/{key}")).Text);
        // Same physical table, different prefix: the unprefixed store must not see it under the bare key.
        DaprAssert.NoContent(await fixture.B.GetAsync($"/v1.0/state/{Names.SqliteNoPrefix}/{key}"));
    }

    [Fact]
    public async Task KeyPrefix_StoredKeysInTheSqliteFile_FollowDaprsScheme()
    {
        // §2.8: stored key = "<appId>||key" (default), "<storeName>||key" (name), "key" (none). Real daprd sharing this
        // file must find the same rows, so the rows are read straight from components-contrib's schema: table "state",
        // column "key".
        var (byApp, byName, bare) = (Key(), Key(), Key());
        await SaveAsync(byApp, "1", Names.Sqlite, fixture.A);
        await SaveAsync(byName, "2", Names.SqliteNamePrefix, fixture.A);
        await SaveAsync(bare, "3", Names.SqliteNoPrefix, fixture.B);

        var stored = ReadSqliteKeys(fixture.SqliteFile);

        Assert.Contains($"{Names.AppA}||{byApp}", stored);
        Assert.Contains($"{Names.SqliteNamePrefix}||{byName}", stored);
        Assert.Contains(bare, stored);
    }

    private static HashSet<string> ReadSqliteKeys(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM state";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    [Fact]
    public async Task Sqlite_SaveGetDeleteRoundTrip_FollowsTheSameContract()
    {
        const string store = "/v1.0/state/" + Names.Sqlite;
        var key = Key();
        DaprAssert.NoContent(await A.PostJsonAsync(store, $$"""[{"key":"{{key}}","value":{{CanonicalValue}}}]"""));

        var got = await A.GetAsync($"{store}/{key}");
        DaprAssert.Status(got, 200);
        Assert.Equal(CanonicalValue, got.Text);
        var etag = got.Header("ETag");
        Assert.False(string.IsNullOrEmpty(etag));

        DaprAssert.Error(await A.PostJsonAsync(store, $$"""[{"key":"{{key}}","value":1,"etag":"not-the-etag"}]"""), 409, "ERR_STATE_SAVE");
        DaprAssert.Error(await A.DeleteAsync($"{store}/{key}", new Dictionary<string, string> { ["If-Match"] = "not-the-etag" }), 409, "ERR_STATE_DELETE");
        DaprAssert.NoContent(await A.DeleteAsync($"{store}/{key}", new Dictionary<string, string> { ["If-Match"] = etag! }));
        DaprAssert.NoContent(await A.GetAsync($"{store}/{key}"));
    }

    [Theory]
    [InlineData("50%off")]
    [InlineData("a%41b")]
    [InlineData("orders/42")]
    [InlineData("café key")]
    public async Task Get_And_Delete_KeyNeedingEscapes_AddressTheSavedKey(string rawKey)
    {
        // daprd unescapes path parameters exactly once; a key saved in the body is found by its escaped path.
        var key = $"{rawKey}-{Guid.NewGuid():N}";
        await SaveAsync(key, "1");
        var path = $"{Store}/{Uri.EscapeDataString(key)}";

        Assert.Equal("1", (await A.GetAsync(path)).Text);
        DaprAssert.NoContent(await A.SendAsync(HttpMethod.Delete, path));
        DaprAssert.NoContent(await A.GetAsync(path));
    }
}
