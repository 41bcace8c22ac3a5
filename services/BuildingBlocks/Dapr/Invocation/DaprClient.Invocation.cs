using System.Text;
using System.Text.Json;

namespace DaprShop.Dapr;

public sealed partial class DaprClient
{
    /// <summary>
    /// Creates an HttpClient whose requests to <c>http://{appId}/path</c> go through the sidecar's service invocation
    /// API (see <see cref="InvocationHandler"/>). With <paramref name="appId"/> set it is also the BaseAddress, so
    /// relative URIs work. The client shares the process-wide connection pool; keep it for the app's lifetime.
    /// </summary>
    /// <param name="daprEndpoint">Defaults to <see cref="DaprDefaults.GetDefaultHttpEndpoint"/>.</param>
    /// <param name="daprApiToken">Defaults to <c>DAPR_API_TOKEN</c>.</param>
    public static HttpClient CreateInvokeHttpClient(string? appId = null, string? daprEndpoint = null, string? daprApiToken = null) =>
        CreateInvokeHttpClientCore(appId, daprEndpoint ?? DaprDefaults.GetDefaultHttpEndpoint(), daprApiToken ?? DaprDefaults.GetDefaultDaprApiToken());

    /// <summary>Like <see cref="CreateInvokeHttpClient"/>, using this client's sidecar endpoint and API token.</summary>
    public HttpClient CreateInvokableHttpClient(string? appId = null) =>
        CreateInvokeHttpClientCore(appId, HttpEndpoint.OriginalString, _apiToken);

    private static HttpClient CreateInvokeHttpClientCore(string? appId, string daprEndpoint, string? daprApiToken)
    {
        var handler = new InvocationHandler { DaprEndpoint = daprEndpoint, DefaultAppId = appId };
        var httpClient = SidecarTransport.CreateClient(daprApiToken, TimeSpan.FromSeconds(100), handler);
        if (appId is not null)
        {
            httpClient.BaseAddress = Uri.TryCreate($"http://{appId}", UriKind.Absolute, out var baseAddress)
                ? baseAddress
                : throw new ArgumentException("The appId must be a valid host name.", nameof(appId));
        }

        return httpClient;
    }

    public HttpRequestMessage CreateInvokeMethodRequest(string appId, string methodName) =>
        CreateInvokeMethodRequest(HttpMethod.Post, appId, methodName);

    /// <summary>
    /// Creates a request for <c>/v1.0/invoke/{appId}/method/{methodName}</c>. <paramref name="methodName"/> may contain
    /// slashes and a query string (<c>items/42?view=full</c>); both reach the called app unchanged.
    /// </summary>
    public HttpRequestMessage CreateInvokeMethodRequest(HttpMethod httpMethod, string appId, string methodName) =>
        CreateInvokeMethodRequest(httpMethod, appId, methodName, []);

    public HttpRequestMessage CreateInvokeMethodRequest(
        HttpMethod httpMethod, string appId, string methodName, IReadOnlyCollection<KeyValuePair<string, string>> queryStringParameters)
    {
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentNullException.ThrowIfNull(methodName);

        var path = methodName.TrimStart('/');
        var query = queryStringParameters.Count == 0
            ? ""
            : (path.Contains('?') ? "&" : "?") + string.Join('&', queryStringParameters.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));
        var uri = new Uri($"{HttpEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/v1.0/invoke/{SidecarUri.Segment(appId)}/method/{path}{query}", UriKind.Absolute);
        return new HttpRequestMessage(httpMethod, uri);
    }

    public HttpRequestMessage CreateInvokeMethodRequest<TRequest>(string appId, string methodName, TRequest data) =>
        CreateInvokeMethodRequest(HttpMethod.Post, appId, methodName, [], data);

    /// <summary>Creates an invocation request whose body is <paramref name="data"/> as JSON (<c>application/json</c>).</summary>
    public HttpRequestMessage CreateInvokeMethodRequest<TRequest>(
        HttpMethod httpMethod, string appId, string methodName, IReadOnlyCollection<KeyValuePair<string, string>> queryStringParameters, TRequest data)
    {
        var request = CreateInvokeMethodRequest(httpMethod, appId, methodName, queryStringParameters);
        request.Content = JsonContentOf(data);
        return request;
    }

    /// <summary>Sends an invocation request and returns the response whatever its status (the caller disposes it).</summary>
    public Task<HttpResponseMessage> InvokeMethodWithResponseAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Sends an invocation request; a non-success status throws <see cref="InvocationException"/>.</summary>
    public async Task InvokeMethodAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await InvokeMethodWithResponseAsync(request, cancellationToken);
        await EnsureInvocationSucceededAsync(request, response, cancellationToken);
    }

    /// <summary>Sends an invocation request and reads the JSON response body as <typeparamref name="TResponse"/>.</summary>
    /// <exception cref="InvocationException">Non-success status, or a body that is not a <typeparamref name="TResponse"/>.</exception>
    public async Task<TResponse?> InvokeMethodAsync<TResponse>(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await InvokeMethodWithResponseAsync(request, cancellationToken);
        await EnsureInvocationSucceededAsync(request, response, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0) return default;
        try
        {
            return JsonSerializer.Deserialize<TResponse>(body, JsonSerializerOptions);
        }
        catch (JsonException exception)
        {
            var (appId, methodName) = InvocationTarget(request);
            throw new InvocationException(appId, methodName, response.StatusCode, Encoding.UTF8.GetString(body), response, exception);
        }
    }

    public Task InvokeMethodAsync(string appId, string methodName, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync(CreateInvokeMethodRequest(appId, methodName), cancellationToken);

    public Task InvokeMethodAsync(HttpMethod httpMethod, string appId, string methodName, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync(CreateInvokeMethodRequest(httpMethod, appId, methodName), cancellationToken);

    public Task InvokeMethodAsync<TRequest>(string appId, string methodName, TRequest data, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync(CreateInvokeMethodRequest(appId, methodName, data), cancellationToken);

    public Task InvokeMethodAsync<TRequest>(
        HttpMethod httpMethod, string appId, string methodName, TRequest data, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync(CreateInvokeMethodRequest(httpMethod, appId, methodName, [], data), cancellationToken);

    public Task<TResponse?> InvokeMethodAsync<TResponse>(string appId, string methodName, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync<TResponse>(CreateInvokeMethodRequest(appId, methodName), cancellationToken);

    public Task<TResponse?> InvokeMethodAsync<TResponse>(
        HttpMethod httpMethod, string appId, string methodName, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync<TResponse>(CreateInvokeMethodRequest(httpMethod, appId, methodName), cancellationToken);

    public Task<TResponse?> InvokeMethodAsync<TRequest, TResponse>(
        string appId, string methodName, TRequest data, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync<TResponse>(CreateInvokeMethodRequest(appId, methodName, data), cancellationToken);

    public Task<TResponse?> InvokeMethodAsync<TRequest, TResponse>(
        HttpMethod httpMethod, string appId, string methodName, TRequest data, CancellationToken cancellationToken = default) =>
        InvokeMethodAsync<TResponse>(CreateInvokeMethodRequest(httpMethod, appId, methodName, [], data), cancellationToken);

    private static async Task EnsureInvocationSucceededAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;

        var (appId, methodName) = InvocationTarget(request);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvocationException(appId, methodName, response.StatusCode, body, response);
    }

    /// <summary>Recovers app id and method from <c>/v1.0/invoke/{appId}/method/{method}</c> for error reports.</summary>
    private static (string AppId, string MethodName) InvocationTarget(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        const string invokePrefix = "/v1.0/invoke/";
        var start = path.IndexOf(invokePrefix, StringComparison.Ordinal);
        if (start < 0) return ("", path);

        var rest = path[(start + invokePrefix.Length)..];
        var methodMarker = rest.IndexOf("/method/", StringComparison.Ordinal);
        return methodMarker < 0
            ? (Uri.UnescapeDataString(rest), "")
            : (Uri.UnescapeDataString(rest[..methodMarker]), rest[(methodMarker + "/method/".Length)..]);
    }
}
