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
        services.AddDaprWorkflow(workflows =>
        {
            workflows.AppId ??= AppIds.Ordering;
            workflows.RegisterWorkflow<CheckoutWorkflow>();
            workflows.RegisterWorkflow<RefundOrderWorkflow>();
            workflows.RegisterActivity<ReserveStockActivity>();
            workflows.RegisterActivity<StartPaymentActivity>();
            workflows.RegisterActivity<CommitStockActivity>();
            workflows.RegisterActivity<ClearCartActivity>();
            workflows.RegisterActivity<CancelPaymentActivity>();
            workflows.RegisterActivity<ReleaseStockActivity>();
            workflows.RegisterActivity<RefundPaymentActivity>();
            workflows.RegisterActivity<RestockActivity>();
            workflows.RegisterActivity<ChangeOrderStatusActivity>();
        });
        return services;
    }
}
