using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Ordering.Api;
using DaprShop.Ordering.Checkout;
using DaprShop.Ordering.Checkout.Activities;
using DaprShop.Ordering.Persistence;
using DaprShop.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Ordering;

public static class OrderingServiceCollectionExtensions
{
    /// <summary>
    /// The order store, checkout, validators, and the workflow engine with the checkout and refund workflows. The
    /// engine's actor types are hosted by this app (map them with <c>MapActorsHandlers</c>); their reminders are spread
    /// over the engine's reminder partitions.
    /// </summary>
    public static readonly TimeSpan CheckoutRecoveryInterval = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddOrdering(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OrderingOptions>().BindConfiguration(OrderingOptions.SectionName);
        services.AddSingleton<OrderStore>();
        services.AddTransactionalOutbox(ComponentNames.StateStore, AppIds.Ordering);
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<StockItems>();
        services.AddSingleton<Payments>();
        services.AddValidatorsFromAssemblyContaining<CheckoutRequestValidator>();
        services.AddActors(actors => actors.Actors.RegisterActor<AllOrdersIndexActor>(IAllOrdersIndexActor.TypeName));
        services.AddDaprWorkflow(workflows =>
        {
            workflows.AppId ??= AppIds.Ordering;
            // A checkout interrupted by a crash should settle in seconds, not a minute; an idle tick costs one actor
            // turn, and instances live seconds unless a payment waits for the shopper's authentication.
            workflows.RecoveryInterval = CheckoutRecoveryInterval;
            workflows.RegisterWorkflow<CheckoutWorkflow>();
            workflows.RegisterWorkflow<RefundOrderWorkflow>();
            workflows.RegisterActivity<ReserveStockAndStartPaymentActivity>();
            workflows.RegisterActivity<ConfirmOrderActivity>();
            workflows.RegisterActivity<AbandonCheckoutActivity>();
            workflows.RegisterActivity<RefundPaymentActivity>();
            workflows.RegisterActivity<RestockActivity>();
            workflows.RegisterActivity<ChangeOrderStatusActivity>();
        });
        return services;
    }
}
