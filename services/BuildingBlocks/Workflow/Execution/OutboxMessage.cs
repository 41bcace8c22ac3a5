using System.Text.Json.Serialization;

namespace DaprShop.Workflow.Execution;

/// <summary>
/// Work a turn hands to the durable layer, committed together with the history and dispatched afterwards. Each
/// message is idempotent by (instance, execution, sequence number), so a crash between commit and dispatch is fixed
/// by dispatching the stored outbox again.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ActivityRequest), "activity")]
[JsonDerivedType(typeof(TimerRequest), "timer")]
[JsonDerivedType(typeof(InstanceMessage), "message")]
public abstract record OutboxMessage;

