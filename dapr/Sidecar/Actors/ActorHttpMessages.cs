using System.Net.Http.Headers;

namespace DaprShop.Sidecar.Actors;

/// <summary>Actor calls as HTTP messages, for both hops they take: sidecar → host sidecar and host → app.</summary>
public static class ActorHttpMessages
{
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri target, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        var request = new HttpRequestMessage(method, target);
        if (body.Length > 0 || method == HttpMethod.Put) request.Content = new ByteArrayContent(body);
        foreach (var (name, value) in headers)
        {
            if (!name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) request.Headers.TryAddWithoutValidation(name, value);
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static async Task<ActorReply> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new((int)response.StatusCode, [.. Flatten(response.Headers), .. Flatten(response.Content.Headers)],
            await response.Content.ReadAsByteArrayAsync(cancellationToken));

    private static IEnumerable<KeyValuePair<string, string>> Flatten(HttpHeaders headers) =>
        headers.NonValidated.SelectMany(header => header.Value.Select(value => new KeyValuePair<string, string>(header.Key, value)));
}
