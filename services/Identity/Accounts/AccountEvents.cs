using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Identity.Accounts;

/// <summary>Publishes account events (<see cref="Topics.AccountRegistered"/>, <see cref="Topics.AccountDeleted"/>) after their change is saved.</summary>
internal sealed class AccountEvents(DaprClient dapr, ILogger<AccountEvents> logger)
{
    /// <summary>
    /// There is no outbox yet, so a broker failure here is logged rather than turned into an error: the change stands,
    /// and failing the request would not bring the event back.
    /// </summary>
    public async Task PublishAsync<TEvent>(string topic, TEvent accountEvent, Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.PublishEventAsync(ComponentNames.PubSub, topic, accountEvent, cancellationToken);
        }
        catch (DaprException exception)
        {
            logger.LogError(exception, "Could not publish {Topic} for user {UserId}", topic, userId);
        }
    }
}
