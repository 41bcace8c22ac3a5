using System.Globalization;
using System.Text.Json;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>
/// Bindings, reference §4: output binding invocation through <c>/v1.0/bindings/{name}</c> with bindings.localstorage
/// (operations and responses as components-contrib implements them) and the bindings.cron input binding.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class BindingsConformanceTests(ConformanceFixture fixture)
{
    private const string Files = "/v1.0/bindings/" + Names.Files;

    private SidecarUnderTest A => fixture.A;

    private static string FileName() => $"f-{Guid.NewGuid():N}.txt";

    private Task<ApiResponse> InvokeAsync(string operation, string? fileName, string? dataJson = null) =>
        A.PostJsonAsync(Files, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["operation"] = operation,
            ["metadata"] = fileName is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["fileName"] = fileName },
            ["data"] = dataJson is null ? null : JsonDocument.Parse(dataJson).RootElement,
        }));

    [Fact]
    public async Task LocalStorage_Create_Returns200WithTheFileNameAndWritesTheFile()
    {
        // daprd JSON-serialises "data"; localstorage unquotes a JSON string before writing it and answers {"fileName"}.
        var name = FileName();
        var response = await InvokeAsync("create", name, "\"hello world\"");

        DaprAssert.JsonEquivalent($$"""{"fileName":"{{name}}"}""", DaprAssert.Json(response));
        Assert.Equal("hello world", await File.ReadAllTextAsync(Path.Combine(fixture.FilesRoot, name)));
    }

    [Fact]
    public async Task LocalStorage_CreateWithoutFileName_NamesTheFileWithAUuid()
    {
        var response = await InvokeAsync("create", null, "\"anonymous\"");

        var name = DaprAssert.String(DaprAssert.Json(response), "fileName");
        Assert.True(Guid.TryParse(name, out _), $"generated file name should be a UUID, got '{name}'");
        Assert.Equal("anonymous", await File.ReadAllTextAsync(Path.Combine(fixture.FilesRoot, name)));
    }

    [Fact]
    public async Task LocalStorage_CreateWithBase64String_StoresTheDecodedBytes()
    {
        // localstorage decodes data that is valid base64 (how binary files are uploaded through the JSON API).
        var name = FileName();
        DaprAssert.Status(await InvokeAsync("create", name, "\"aGVsbG8gYmluYXJ5\""), 200);

        Assert.Equal("hello binary", await File.ReadAllTextAsync(Path.Combine(fixture.FilesRoot, name)));
    }

    [Fact]
    public async Task LocalStorage_CreateWithJsonObject_StoresItsJsonText()
    {
        var name = FileName();
        DaprAssert.Status(await InvokeAsync("create", name, """{"a":1}"""), 200);

        Assert.Equal("""{"a":1}""", await File.ReadAllTextAsync(Path.Combine(fixture.FilesRoot, name)));
    }

    [Fact]
    public async Task LocalStorage_Get_Returns200WithTheFileContent()
    {
        var name = FileName();
        DaprAssert.Status(await InvokeAsync("create", name, "\"stored text\""), 200);

        var response = await InvokeAsync("get", name);

        DaprAssert.Status(response, 200);
        Assert.Equal("stored text", response.Text);
    }

    [Fact]
    public async Task LocalStorage_List_Returns200WithTheAbsolutePathsOfTheFiles()
    {
        var name = FileName();
        DaprAssert.Status(await InvokeAsync("create", name, "\"listed\""), 200);

        var listed = DaprAssert.Json(await InvokeAsync("list", null)).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains(Path.Combine(fixture.FilesRoot, name), listed);
    }

    [Fact]
    public async Task LocalStorage_Delete_Returns204AndTheFileIsGone()
    {
        var name = FileName();
        DaprAssert.Status(await InvokeAsync("create", name, "\"to delete\""), 200);

        DaprAssert.NoContent(await InvokeAsync("delete", name));

        Assert.False(File.Exists(Path.Combine(fixture.FilesRoot, name)));
        DaprAssert.Error(await InvokeAsync("get", name), 500, "ERR_INVOKE_OUTPUT_BINDING");
    }

    [Fact]
    public async Task LocalStorage_WithPut_IsAccepted()
    {
        // §4.1: POST|PUT /v1.0/bindings/{name}.
        var name = FileName();
        var response = await A.SendAsync(HttpMethod.Put, Files, SidecarUnderTest.Content(
            $$"""{"operation":"create","metadata":{"fileName":"{{name}}"},"data":"put"}""", "application/json"));

        DaprAssert.Status(response, 200);
    }

    [Fact]
    public async Task Invoke_MissingOperation_Returns500InvokeOutputBinding()
    {
        DaprAssert.Error(await A.PostJsonAsync(Files, """{"data":"x","metadata":{"fileName":"x.txt"}}"""), 500, "ERR_INVOKE_OUTPUT_BINDING");
    }

    [Fact]
    public async Task Invoke_UnsupportedOperation_Returns500InvokeOutputBinding()
    {
        DaprAssert.Error(await InvokeAsync("explode", "x.txt", "\"x\""), 500, "ERR_INVOKE_OUTPUT_BINDING");
    }

    [Fact]
    public async Task Invoke_UnknownBinding_Returns500InvokeOutputBinding()
    {
        DaprAssert.Error(await A.PostJsonAsync("/v1.0/bindings/no-such-binding", """{"operation":"create","data":"x"}"""), 500, "ERR_INVOKE_OUTPUT_BINDING");
    }

    [Fact]
    public async Task Invoke_MalformedJson_Returns400MalformedRequest()
    {
        DaprAssert.Error(await A.PostJsonAsync(Files, """{"operation":"create","""), 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Cron_AppIsProbedWithOptionsThenReceivesPostsWithTimeHeaders()
    {
        // §4.2/§4.3: OPTIONS /{name} at start-up; then each tick POST /{name}, Content-Type application/json, empty
        // body, headers timeZone and readTimeUTC (Go time.String() of a UTC time, e.g. "2025-01-01 10:00:00.5 +0000 UTC").
        var app = fixture.AppOfA;
        var probe = await app.WaitForAsync(r => r.Method == "OPTIONS" && r.Path == "/" + Names.Cron, "OPTIONS probe");
        var ticks = await app.WaitForCountAsync(r => r.Method == "POST" && r.Path == "/" + Names.Cron, 2, "cron ticks", TimeSpan.FromSeconds(5));

        Assert.True(ticks[0].Sequence > probe.Sequence, "the binding is probed before the first event");
        var tick = ticks[0];
        Assert.Empty(tick.Body);
        Assert.StartsWith("application/json", tick.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(tick.Header("timeZone")), "cron events carry a timeZone header");
        var readTime = tick.Header("readTimeUTC");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)? \+0000 UTC$", readTime);
        var parsed = DateTimeOffset.ParseExact(readTime![..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(parsed, tick.ReceivedAt - TimeSpan.FromSeconds(5), tick.ReceivedAt + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Cron_EverySecond_TicksRepeatedly()
    {
        var app = fixture.AppOfA;
        var before = app.Matching(r => r.Method == "POST" && r.Path == "/" + Names.Cron).Count;

        await app.WaitForCountAsync(r => r.Method == "POST" && r.Path == "/" + Names.Cron, before + 2, "two more ticks", TimeSpan.FromSeconds(5));
    }
}
