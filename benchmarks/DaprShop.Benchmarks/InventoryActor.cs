namespace DaprShop.Benchmarks;

/// <summary>PLACEHOLDER until inventory's actor contract lands: replaced by Contracts/Inventory.</summary>
internal static class InventoryActor
{
    public const string Type = "StockItem";
    public const string Reserve = "Reserve";

    public static object ReserveBody(string reservationId) => new { reservationId, quantity = 1, ttl = "00:10:00" };
}
