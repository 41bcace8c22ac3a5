using DaprShop.Notification.Email;
using DaprShop.Notification.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Notification;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotification(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessedEventLog>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<ProductCreatedHandler>();
        return services;
    }
}
