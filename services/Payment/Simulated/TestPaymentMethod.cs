namespace DaprShop.Payment.Simulated;

/// <summary>
/// What Stripe test mode does when a PaymentIntent is confirmed with one of its test payment methods (stripe.md §7).
/// </summary>
/// <param name="Code">Null when the payment goes through (or needs authentication).</param>
public sealed record TestPaymentMethod(string? Code, string? DeclineCode, string? Message, bool RequiresAction = false)
{
    private static readonly TestPaymentMethod Succeeds = new(null, null, null);
    private static readonly TestPaymentMethod NeedsAuthentication = new(null, null, null, RequiresAction: true);
    private static readonly TestPaymentMethod GenericDecline = Declined("generic_decline", "Your card was declined.");
    private static readonly TestPaymentMethod InsufficientFunds = Declined("insufficient_funds", "Your card has insufficient funds.");

    private static readonly Dictionary<string, TestPaymentMethod> Known = new(StringComparer.Ordinal)
    {
        ["pm_card_visa"] = Succeeds,
        ["pm_card_mastercard"] = Succeeds,
        ["pm_card_visa_chargeDeclined"] = GenericDecline,
        ["pm_card_chargeDeclined"] = GenericDecline,
        ["pm_card_visa_chargeDeclinedInsufficientFunds"] = InsufficientFunds,
        ["pm_card_chargeDeclinedInsufficientFunds"] = InsufficientFunds,
        ["pm_card_visa_chargeDeclinedLostCard"] = Declined("lost_card", "Your card was declined."),
        ["pm_card_visa_chargeDeclinedStolenCard"] = Declined("stolen_card", "Your card was declined."),
        ["pm_card_chargeDeclinedExpiredCard"] = new("expired_card", null, "Your card has expired."),
        ["pm_card_chargeDeclinedIncorrectCvc"] = new("incorrect_cvc", null, "Your card's security code is incorrect."),
        ["pm_card_chargeDeclinedProcessingError"] = new("processing_error", null, "An error occurred while processing your card. Try again in a little bit."),
        ["pm_card_authenticationRequired"] = NeedsAuthentication,
        ["pm_card_authenticationRequiredOnSetup"] = NeedsAuthentication,
        ["pm_card_threeDSecure2Required"] = NeedsAuthentication,
    };

    public bool Declines => Code is not null;

    /// <summary>Null for an id test mode does not know (Stripe answers "No such PaymentMethod").</summary>
    public static TestPaymentMethod? Find(string paymentMethodId) => Known.GetValueOrDefault(paymentMethodId);

    private static TestPaymentMethod Declined(string declineCode, string message) => new("card_declined", declineCode, message);
}
