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

    public required StripeEventData Data { get; init; }
}

public sealed record StripeEventData(JsonElement Object);
