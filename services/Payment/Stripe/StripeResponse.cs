using System.Net;
using System.Text.Json;

namespace DaprShop.Payment.Stripe;

/// <summary>Turns a Stripe answer (status and JSON body) into the resource or a <see cref="StripeException"/>.</summary>
public static class StripeResponse
{
    public static T Read<T>(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.OK)
        {
            return JsonSerializer.Deserialize<T>(body, StripeJson.Options)
                ?? throw new StripeException(status, new StripeError { Type = StripeErrorTypes.ApiError, Message = "Stripe answered 200 with an empty body." });
        }

        throw new StripeException(status, ErrorOf(body));
    }

    private static StripeError ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return error.Deserialize<StripeError>(StripeJson.Options)!;
            }

            // OAuth-style errors carry a string in "error".
            return new StripeError { Type = StripeErrorTypes.ApiError, Message = body };
        }
        catch (JsonException)
        {
            return new StripeError { Type = StripeErrorTypes.ApiError, Message = "Stripe answered with a body that is not JSON." };
        }
    }
}
