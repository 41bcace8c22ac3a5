using DaprShop.Notification.Email;
using DaprShop.Notification.Events;
using DaprShop.Notification.Recipients;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Notification;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotification(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessedEventLog>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IdentityContacts>();
        services.AddSingleton<ShopperMailer>();
        services.AddSingleton<ProductCreatedHandler>();
        services.AddSingleton<AccountRegisteredHandler>();
        services.AddSingleton<OrderStatusChangedHandler>();
        return services;
    }
}
