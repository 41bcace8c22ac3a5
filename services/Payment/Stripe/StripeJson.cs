using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprShop.Payment.Stripe;

/// <summary>Stripe's wire names are snake_case (<c>latest_charge</c>, <c>decline_code</c>); one set of options for JSON and form keys.</summary>
public static class StripeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
