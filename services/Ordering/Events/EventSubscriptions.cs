using DaprShop.Contracts;
using DaprShop.Contracts.Payment;
using DaprShop.Dapr;
using DaprShop.Ordering.Checkout;
using DaprShop.Workflow;

namespace DaprShop.Ordering.Events;

/// <summary>
/// Payment's outcomes, each handed to the order's checkout workflow as the <see cref="CheckoutWorkflow.PaymentOutcomeEvent"/>.
/// Redeliveries need no dedupe: the workflow takes the first decisive outcome and an instance that is done ignores events.
/// </summary>
public static class EventSubscriptions
{
    private static readonly string[] PaymentTopics = [Topics.PaymentSucceeded, Topics.PaymentFailed, Topics.PaymentRequiresAction];

    public static IEndpointRouteBuilder MapEventSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        foreach (var topic in PaymentTopics)
        {
            endpoints.MapPost(SidecarOnlyRoutes.ForTopic(topic), RaisePaymentOutcomeAsync)
                .WithTopic(ComponentNames.PubSub, topic)
                .WithTags("Events");
        }

        return endpoints;
    }

    private static async Task<IResult> RaisePaymentOutcomeAsync(
        PaymentOutcome outcome, DaprWorkflowClient workflows, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(EventSubscriptions));
        try
        {
            await workflows.RaiseEventAsync(outcome.OrderId.ToString(), CheckoutWorkflow.PaymentOutcomeEvent, outcome, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Payment is only ever started by a running checkout, so no checkout means no order of ours: retrying cannot help.
            logger.LogWarning("Payment outcome {StripeEventId} names order {OrderId}, which has no checkout; dropped", outcome.StripeEventId, outcome.OrderId);
            return TopicResults.Drop();
        }

        logger.LogInformation("Payment of order {OrderId} is {Status} (Stripe event {StripeEventId})", outcome.OrderId, outcome.Status, outcome.StripeEventId);
        return TopicResults.Success();
    }
}
