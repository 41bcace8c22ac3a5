namespace DaprShop.Ordering.Checkout;

/// <summary>
/// The checkout workflow's input (instance id = order id). The timeout travels in the input because workflow code
/// must not read configuration: a replay has to see the value the instance started with.
/// </summary>
public sealed record CheckoutInput(Guid OrderId, TimeSpan PaymentTimeout);
