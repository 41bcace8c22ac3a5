namespace DaprShop.Contracts;

/// <summary>
/// Names of the Dapr components every resource set (embedded default, Redis, PostgreSQL, Kubernetes) declares,
/// so code never depends on which infrastructure sits behind them.
/// </summary>
public static class ComponentNames
{
    /// <summary>Key/value state, also the actor state store.</summary>
    public const string StateStore = "statestore";

    public const string PubSub = "pubsub";

    public const string SecretStore = "secretstore";

    /// <summary>Output binding that sends email (files under .data/email with the embedded default).</summary>
    public const string EmailBinding = "email";
}
