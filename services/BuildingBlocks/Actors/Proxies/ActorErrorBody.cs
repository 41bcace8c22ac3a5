using System.Text.Json;

namespace DaprShop.Actors;

/// <summary>
/// The JSON an actor host answers a failed call with (<c>{"exceptionType","message"}</c>, never a stack trace);
/// daprd wraps it into ERR_ACTOR_INVOKE_METHOD and proxies read it back out.
/// </summary>
internal sealed record ActorErrorBody(string ExceptionType, string Message)
{
    /// <summary>The body's own field names, independent of the app's JSON options.</summary>
    public static JsonSerializerOptions WireOptions { get; } = new(JsonSerializerDefaults.Web);
}
