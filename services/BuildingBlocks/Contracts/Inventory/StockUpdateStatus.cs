using System.Text.Json.Serialization;

namespace DaprShop.Contracts.Inventory;

[JsonConverter(typeof(JsonStringEnumConverter<StockUpdateStatus>))]
public enum StockUpdateStatus
{
    Applied,

    /// <summary>Refused: on-hand would drop below the units reserved (or below zero, or above <see cref="SetOnHand.MaxOnHand"/>).</summary>
    BelowReserved,
}
