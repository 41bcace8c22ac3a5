using DaprShop.Contracts.Identity;
using DaprShop.Dapr;
using DaprShop.Notification.Templates;

namespace DaprShop.Notification.Events;

/// <summary>Welcomes each new account, once per event.</summary>
internal sealed class AccountRegisteredHandler(ShopperMailer mailer)
{
    /// <summary>The address comes from identity, not the event: an account erased before delivery gets no email.</summary>
    public Task<IResult> HandleAsync(AccountRegistered registered, CloudEventAttributes cloudEvent, CancellationToken cancellationToken) =>
        mailer.SendOnceAsync(
            [ProcessedEventLog.EventKey(cloudEvent.Id)],
            registered.UserId,
            contact => WelcomeEmail.For(registered, contact),
            cancellationToken);
}
