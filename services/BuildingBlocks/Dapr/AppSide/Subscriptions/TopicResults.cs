using Microsoft.AspNetCore.Http;

namespace DaprShop.Dapr;

/// <summary>
/// What a topic handler tells daprd about a delivered event (reference §3.6), as 200 <c>{"status": ...}</c>:
/// <list type="bullet">
/// <item><see cref="Success"/>: processed; the message is acknowledged (an empty 2xx means the same).</item>
/// <item><see cref="Retry"/>: not processed; delivered again per the resiliency policy, then dead-lettered.</item>
/// <item><see cref="Drop"/>: never processable (e.g. invalid payload); sent to the dead-letter topic if configured, else discarded.</item>
/// </list>
/// An unhandled exception (500) counts as retry; a 404 drops the message without dead-lettering.
/// </summary>
public static class TopicResults
{
    private static readonly IResult SuccessResult = Results.Json(new TopicResponse("SUCCESS"));
    private static readonly IResult RetryResult = Results.Json(new TopicResponse("RETRY"));
    private static readonly IResult DropResult = Results.Json(new TopicResponse("DROP"));

    public static IResult Success() => SuccessResult;

    public static IResult Retry() => RetryResult;

    public static IResult Drop() => DropResult;

    private sealed record TopicResponse([property: System.Text.Json.Serialization.JsonPropertyName("status")] string Status);
}
