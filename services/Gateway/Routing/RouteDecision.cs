namespace DaprShop.Gateway.Routing;

/// <summary>What the gateway does with a request to <c>/api/{app}/{rest}</c>.</summary>
public abstract record RouteDecision
{
    private RouteDecision()
    {
    }

    /// <summary>Invoke <paramref name="MethodPath"/> (starts with <c>/</c>, unescaped) on app <paramref name="AppId"/>.</summary>
    public sealed record Forward(string AppId, PathString MethodPath) : RouteDecision;

    /// <summary>Answer with a problem of this status without calling anything.</summary>
    public sealed record Refuse(int StatusCode, string Detail) : RouteDecision;
}
