namespace DaprShop.Sidecar.Runtime;

/// <summary>
/// With <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>, .NET runs a socket's completion on its socket-engine
/// thread instead of handing it to the thread pool. A sidecar mostly relays small requests, so that hand-off (a thread
/// wake-up per socket event) was a large share of its CPU (BENCHMARKS.md, "Checkout"). Kestrel still runs each request
/// on the thread pool; what runs inline is a handler's continuation after an outbound call answers, and no such
/// continuation here blocks for long (SQLite commits run on the writer's own thread).
/// .NET reads the variable once, at the process's first socket, so <see cref="EnableForThisProcess"/> runs first thing.
/// </summary>
public static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static bool _setHere;

    /// <summary>Turns inline completions on, unless whoever started this process chose a value.</summary>
    public static void EnableForThisProcess()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return;
        Environment.SetEnvironmentVariable(Variable, "1");
        _setHere = true;
    }

    /// <summary>Keeps this process's own setting out of an app's environment: an app gets what the runner inherited.</summary>
    public static void LeaveOutOf(IDictionary<string, string?> childEnvironment)
    {
        if (_setHere) childEnvironment.Remove(Variable);
    }
}
