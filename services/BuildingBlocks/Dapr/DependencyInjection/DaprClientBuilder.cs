using System.Text.Json;

namespace DaprShop.Dapr;

/// <summary>Configures and builds a <see cref="DaprClient"/> (as Dapr.Client's DaprClientBuilder).</summary>
public sealed class DaprClientBuilder
{
    private string _httpEndpoint = DaprDefaults.GetDefaultHttpEndpoint();
    private string? _daprApiToken = DaprDefaults.GetDefaultDaprApiToken();
    private JsonSerializerOptions _jsonSerializerOptions = new(JsonSerializerDefaults.Web);
    private TimeSpan _timeout = TimeSpan.FromSeconds(100);

    /// <summary>Overrides <c>DAPR_HTTP_ENDPOINT</c>/<c>DAPR_HTTP_PORT</c>.</summary>
    public DaprClientBuilder UseHttpEndpoint(string httpEndpoint)
    {
        var endpoint = new Uri(httpEndpoint ?? throw new ArgumentNullException(nameof(httpEndpoint)), UriKind.Absolute);
        if (endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("The Dapr HTTP endpoint must be an http or https URI.", nameof(httpEndpoint));
        }

        _httpEndpoint = httpEndpoint;
        return this;
    }

    /// <summary>Overrides <c>DAPR_API_TOKEN</c>; null or empty sends no token.</summary>
    public DaprClientBuilder UseDaprApiToken(string? apiToken)
    {
        _daprApiToken = string.IsNullOrEmpty(apiToken) ? null : apiToken;
        return this;
    }

    /// <summary>Options for the JSON of values, events, invocation bodies (default: web defaults, camelCase).</summary>
    public DaprClientBuilder UseJsonSerializationOptions(JsonSerializerOptions options)
    {
        _jsonSerializerOptions = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Timeout of each sidecar call (default 100 s, HttpClient's default).</summary>
    public DaprClientBuilder UseTimeout(TimeSpan timeout)
    {
        _timeout = timeout;
        return this;
    }

    public DaprClient Build() =>
        new(SidecarTransport.CreateClient(_daprApiToken, _timeout), new Uri(_httpEndpoint, UriKind.Absolute), _daprApiToken, _jsonSerializerOptions);
}
