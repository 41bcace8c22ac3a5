using System.Text.Json;

namespace DaprShop.Payment.Stripe.Webhooks;

/// <summary>A webhook's event object (stripe.md §8); <see cref="Data"/> holds the resource snapshot as JSON.</summary>
public sealed record StripeEvent
{
    public required string Id { get; init; }

    public string Object { get; init; } = "event";

    public required string Type { get; init; }

    public long Created { get; init; }

    public string? ApiVersion { get; init; }

    public bool Livemode { get; init; }

    /// <summary>Null only in hand-made events (such as Stripe's test vector); Stripe always sends it.</summary>
    public StripeEventData? Data { get; init; }
}

public sealed record StripeEventData(JsonElement Object);
