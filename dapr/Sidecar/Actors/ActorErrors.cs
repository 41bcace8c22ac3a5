using DaprShop.Sidecar.Api;

namespace DaprShop.Sidecar.Actors;

/// <summary>daprd's actor API errors: codes and statuses of pkg/api/http/actors.go, texts of pkg/messages.</summary>
public static class ActorErrors
{
    public static DaprApiError RuntimeNotFound() => new(500, "ERR_ACTOR_RUNTIME_NOT_FOUND",
        "the state store is not configured to use the actor runtime. Have you set the - name: actorStateStore value: \"true\" in your state store component file?");

    public static DaprApiError Invoke(string detail) => new(500, "ERR_ACTOR_INVOKE_METHOD", $"error invoke actor method: {detail}");

    /// <summary>What daprd 1.16 answers when placement has no host for the type (observed: FailedPrecondition from the lookup).</summary>
    public static DaprApiError NoHost(string actorType, string actorId) =>
        Invoke($"failed to lookup actor: api error: code = FailedPrecondition desc = did not find address for actor '{actorType}/{actorId}'");

    public static DaprApiError StackDepth() => new(500, "ERR_ACTOR_STACK_DEPTH", "maximum stack depth exceeded");

    public static DaprApiError InstanceMissing() => new(400, "ERR_ACTOR_INSTANCE_MISSING", "actor instance is missing");

    public static DaprApiError StateGet(string detail) => new(500, "ERR_ACTOR_STATE_GET", $"error getting actor state: {detail}");

    public static DaprApiError StateTransaction(string detail) =>
        new(500, "ERR_ACTOR_STATE_TRANSACTION_SAVE", $"error saving actor transaction state: {detail}");

    /// <summary>pkg/actors ErrReminderOpActorNotHosted.</summary>
    public static DaprApiError ReminderNotHosted() =>
        new(403, "ERR_ACTOR_REMINDER_NON_HOSTED", "operations on actor reminders are only possible on hosted actor types");

    public static DaprApiError ReminderCreate(string detail) => new(500, "ERR_ACTOR_REMINDER_CREATE", $"error creating actor reminder: {detail}");

    public static DaprApiError ReminderGet(string detail) => new(500, "ERR_ACTOR_REMINDER_GET", $"error getting actor reminder: {detail}");

    public static DaprApiError ReminderDelete(string detail) => new(500, "ERR_ACTOR_REMINDER_DELETE", $"error deleting actor reminder: {detail}");

    public static DaprApiError TimerCreate(string detail) => new(500, "ERR_ACTOR_TIMER_CREATE", $"error creating actor timer: {detail}");
}
