using DaprShop.Payment.Api;
using DaprShop.Payment.Persistence;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Simulated;
using DaprShop.Payment.Stripe;
using DaprShop.Payment.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Payment;

public static class PaymentServiceCollectionExtensions
{
    public static IServiceCollection AddPayment(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<StripeClientOptions>(configuration.GetSection(StripeClientOptions.Section));
        // The transport applies its own timeout per attempt (StripeClientOptions.Timeout).
        services.AddHttpClient(PaymentProvider.Stripe, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<PaymentSecrets>();
        services.AddSingleton<SimulatedWebhookOutbox>();
        services.AddSingleton<SimulatedWebhookDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<SimulatedWebhookDelivery>());
        services.AddSingleton<SimulatedStripe>();
        services.AddSingleton<PaymentProvider>();
        services.AddSingleton<PaymentLedgerStore>();
        services.AddSingleton<PaymentOperations>();
        services.AddSingleton<StripeWebhookProcessor>();
        services.AddValidatorsFromAssemblyContaining<StartPaymentValidator>();
        return services;
    }
}
