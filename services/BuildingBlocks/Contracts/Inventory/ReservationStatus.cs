using System.Text.Json.Serialization;

namespace DaprShop.Contracts.Inventory;

/// <summary>Where a reservation stands; sent as its name (<c>"Reserved"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    /// <summary>The units are held until <see cref="ReservationOutcome.ExpiresAt"/>.</summary>
    Reserved,

    /// <summary>Too little available stock; nothing was reserved (<see cref="ReservationOutcome.Available"/> says how much there is).</summary>
    InsufficientStock,

    /// <summary>The units were sold: they left reserved and on-hand.</summary>
    Committed,

    /// <summary>The units went back to available stock on request.</summary>
    Released,

    /// <summary>The reservation ran out before it was committed; its units went back to available stock.</summary>
    Expired,

    /// <summary>No reservation with this id was ever made on this SKU.</summary>
    NotFound,
}
