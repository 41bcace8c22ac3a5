namespace DaprShop.Actors;

/// <summary>
/// The <c>Dapr-Reentrancy-Id</c> of the actor turn running on this async flow. Set only while reentrancy is enabled,
/// so proxies copy it onto their calls and daprd lets the call chain re-enter actors it already holds.
/// </summary>
internal static class ActorReentrancyContext
{
    public const string HeaderName = "Dapr-Reentrancy-Id";

    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current
    {
        get => CurrentId.Value;
        set => CurrentId.Value = value;
    }
}
