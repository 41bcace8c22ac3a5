namespace DaprShop.Sidecar.Actors;

/// <summary>A call into an actor: an API method call, or a reminder/timer tick (method <c>remind/…</c>, <c>timer/…</c>).</summary>
/// <param name="Method">The path after <c>/method/</c>, escaped as it goes on the wire.</param>
/// <param name="QueryString">"" or the raw query including '?'.</param>
/// <param name="IsTick">A reminder or timer tick: daprd takes the turn for it without a call chain, so it never
/// carries a Dapr-Reentrancy-Id (targets/app InvokeReminder/InvokeTimer lock without a request).</param>
public sealed record ActorCall(
    string ActorType,
    string ActorId,
    string Method,
    string QueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    bool IsTick = false)
{
    public const string ReentrancyIdHeader = "Dapr-Reentrancy-Id";

    /// <summary>A reminder (<c>remind/…</c>) or timer (<c>timer/…</c>) callback: a JSON body, as daprd sends it.</summary>
    public static ActorCall Tick(string actorType, string actorId, string method, byte[] body) =>
        new(actorType, actorId, method, "", [new("Content-Type", "application/json")], body, IsTick: true);

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
