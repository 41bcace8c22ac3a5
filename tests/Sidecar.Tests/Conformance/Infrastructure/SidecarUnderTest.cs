using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaprShop.Sidecar.Tests.Conformance.Infrastructure;

/// <summary>A <see cref="SidecarHost"/> driven over real HTTP, the way any Dapr client talks to daprd.</summary>
internal sealed class SidecarUnderTest : IAsyncDisposable
{
    // One client for the whole suite: redirects are NOT followed (3xx from an app must reach the test verbatim) and
    // no cookies are kept, so every request carries exactly the headers a test puts on it.
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private SidecarUnderTest(SidecarHost host) => Host = host;

    public SidecarHost Host { get; }

    public string AppId => Host.AppId;

    /// <summary>Sidecar logs go nowhere unless CONFORMANCE_LOG=1 (then to the console), to keep test output readable.</summary>
    public static ILoggerFactory Logging { get; } =
        Environment.GetEnvironmentVariable("CONFORMANCE_LOG") is "1"
            ? LoggerFactory.Create(builder => builder.AddSimpleConsole().SetMinimumLevel(LogLevel.Information))
            : NullLoggerFactory.Instance;

    /// <summary>Starts the sidecar with free ports (the options' ports are overridden with 0).</summary>
    public static async Task<SidecarUnderTest> StartAsync(SidecarOptions options, SharedResources shared)
    {
        var host = await SidecarHost.StartAsync(
            options with { DaprHttpPort = 0, DaprInternalPort = 0 }, shared, Logging, CancellationToken.None);
        return new SidecarUnderTest(host);
    }

    public Task WaitUntilReadyAsync() => Host.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(Poll.DefaultTimeout);

    /// <summary>Sends a request; <paramref name="pathAndQuery"/> is appended verbatim (so "//" and trailing "/" survive).</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Host.HttpEndpoint.ToString().TrimEnd('/') + pathAndQuery)) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Client.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    public Task<ApiResponse> GetAsync(string pathAndQuery, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, headers);

    public Task<ApiResponse> PostJsonAsync(string pathAndQuery, string json, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, pathAndQuery, Content(json, "application/json"), headers);

    public Task<ApiResponse> DeleteAsync(string pathAndQuery, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Delete, pathAndQuery, null, headers);

    /// <summary>A body with exactly the given Content-Type header (null: no Content-Type at all).</summary>
    public static HttpContent Content(string body, string? contentType) => Content(Encoding.UTF8.GetBytes(body), contentType);

    public static HttpContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A fully read HTTP response: status, headers (response and content, case-insensitive) and body.</summary>
internal sealed record ApiResponse(int Status, IReadOnlyDictionary<string, string[]> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new Xunit.Sdk.XunitException($"response body is not JSON ({error.Message}): {this}");
        }
    }

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers) headers[name] = values.ToArray();
        foreach (var (name, values) in response.Content.Headers) headers[name] = values.ToArray();
        return new ApiResponse((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public override string ToString() => $"{Status} {ContentType} {(Text.Length > 400 ? Text[..400] + "..." : Text)}";
}
