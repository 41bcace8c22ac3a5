namespace DaprShop.Payment.Stripe;

public static class StripeErrorTypes
{
    public const string ApiError = "api_error";
    public const string CardError = "card_error";
    public const string IdempotencyError = "idempotency_error";
    public const string InvalidRequestError = "invalid_request_error";
}
