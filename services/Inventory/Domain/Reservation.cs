using System.Text.Json.Serialization;
using DaprShop.Contracts.Inventory;

namespace DaprShop.Inventory.Domain;

/// <summary>One reservation: open while <see cref="Status"/> is <see cref="ReservationStatus.Reserved"/>, finished once committed, released or expired.</summary>
public sealed record Reservation(string Id, int Quantity, DateTimeOffset ExpiresAt, ReservationStatus Status)
{
    [JsonIgnore]
    public bool IsOpen => Status == ReservationStatus.Reserved;
}
