namespace DaprShop.Sidecar.Actors;

/// <summary>A call into an actor: an API method call, or a reminder/timer tick (method <c>remind/…</c>, <c>timer/…</c>).</summary>
/// <param name="Method">The path after <c>/method/</c>, escaped as it goes on the wire.</param>
/// <param name="QueryString">"" or the raw query including '?'.</param>
public sealed record ActorCall(
    string ActorType,
    string ActorId,
    string Method,
    string QueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public const string ReentrancyIdHeader = "Dapr-Reentrancy-Id";

    public string? Header(string name) =>
        Headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public ActorCall WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };
}

/// <summary>The app's answer to an actor call, fully read.</summary>
public sealed record ActorReply(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
