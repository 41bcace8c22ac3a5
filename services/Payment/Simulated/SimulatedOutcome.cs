using System.Net;
using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Simulated;

/// <summary>What one simulated request does: the answer Stripe would give, the intent to save, the events it causes.</summary>
public sealed record SimulatedOutcome(HttpStatusCode Status, object Body, SimulatedIntent? Save, IReadOnlyList<(string Type, object Object)> Events)
{
    public static SimulatedOutcome Ok(object body, SimulatedIntent? save = null, params (string Type, object Object)[] events) =>
        new(HttpStatusCode.OK, body, save, events);

    public static SimulatedOutcome Error(HttpStatusCode status, StripeError error, SimulatedIntent? save = null, params (string Type, object Object)[] events) =>
        new(status, new { error }, save, events);

    public static SimulatedOutcome InvalidRequest(string code, string message, string? param = null) =>
        Error(HttpStatusCode.BadRequest, new StripeError { Type = StripeErrorTypes.InvalidRequestError, Code = code, Message = message, Param = param });

    public static SimulatedOutcome NoSuch(string what, string id) =>
        Error(HttpStatusCode.NotFound, new StripeError { Type = StripeErrorTypes.InvalidRequestError, Code = "resource_missing", Message = $"No such {what}: '{id}'" });
}
