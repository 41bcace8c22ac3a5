using System.Text;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>A sidecar with a small --max-body-size (16 KiB) and an in-memory state store.</summary>
public sealed class BodySizeFixture : IAsyncLifetime
{
    internal const long MaxBodySize = 16 * 1024;

    private readonly TempDirectory _directory = new("limits");
    private readonly SharedResources _shared = new();

    internal SidecarUnderTest Sidecar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory.Write("resources/statestore.yaml", ResourceYaml.Component("statestore", "state.in-memory"));
        Sidecar = await SidecarUnderTest.StartAsync(new SidecarOptions
        {
            AppId = "conf-limit",
            ResourcesPaths = [Path.Combine(_directory.Path, "resources")],
            MaxBodySize = MaxBodySize,
        }, _shared);
        await Sidecar.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        await _shared.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>
/// Request body limit, reference §0.5 (--max-body-size). daprd reads the body through a limiting reader, so an
/// oversized state-save body fails JSON decoding (400); it is a client error, never a 500 or a crash.
/// </summary>
public sealed class BodySizeConformanceTests(BodySizeFixture fixture) : IClassFixture<BodySizeFixture>
{
    private static string SaveBody(int valueLength) => $$"""[{"key":"big","value":"{{new string('x', valueLength)}}"}]""";

    [Fact]
    public async Task Save_BodyUnderTheLimit_Returns204()
    {
        DaprAssert.NoContent(await fixture.Sidecar.PostJsonAsync("/v1.0/state/statestore", SaveBody((int)BodySizeFixture.MaxBodySize / 2)));
    }

    [Fact]
    public async Task Save_BodyOverTheLimit_IsRejectedWithA4xx()
    {
        var response = await fixture.Sidecar.PostJsonAsync("/v1.0/state/statestore", SaveBody((int)BodySizeFixture.MaxBodySize * 2));

        Assert.InRange(response.Status, 400, 499);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Save_BodyOverTheLimit_ErrorIsDaprdsMalformedRequest()
    {
        // daprd wraps the body in a limiting reader (MaxBodySizeMiddleware); the state handler's JSON decode then fails
        // and answers as for any undecodable body: 400 ERR_MALFORMED_REQUEST.
        var response = await fixture.Sidecar.PostJsonAsync("/v1.0/state/statestore", SaveBody((int)BodySizeFixture.MaxBodySize * 2));

        DaprAssert.Error(response, 400, "ERR_MALFORMED_REQUEST");
    }

    [Fact]
    public async Task Save_ChunkedBodyOverTheLimit_IsRejectedWithA4xx()
    {
        // No Content-Length: the limit must hold while streaming, too.
        var content = new ChunkedContent(Encoding.UTF8.GetBytes(SaveBody((int)BodySizeFixture.MaxBodySize * 2)));
        content.Headers.ContentType = new("application/json");
        var response = await fixture.Sidecar.SendAsync(HttpMethod.Post, "/v1.0/state/statestore", content);

        Assert.InRange(response.Status, 400, 499);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Binding_BodyOverTheLimit_IsRejectedWithA4xx()
    {
        var body = $$"""{"operation":"create","data":"{{new string('x', (int)BodySizeFixture.MaxBodySize * 2)}}"}""";

        var response = await fixture.Sidecar.PostJsonAsync("/v1.0/bindings/files", body);

        Assert.InRange(response.Status, 400, 499);
        await AssertStillServingAsync();
    }

    /// <summary>A body of unknown length, so HttpClient sends it with Transfer-Encoding: chunked.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(4096, bytes.Length - offset)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private async Task AssertStillServingAsync()
    {
        DaprAssert.NoContent(await fixture.Sidecar.GetAsync("/v1.0/healthz/outbound"));
        DaprAssert.NoContent(await fixture.Sidecar.PostJsonAsync("/v1.0/state/statestore", """[{"key":"small","value":1}]"""));
    }
}
