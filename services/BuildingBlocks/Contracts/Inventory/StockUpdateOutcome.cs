namespace DaprShop.Contracts.Inventory;

/// <summary>Answer of the admin stock updates: whether it applied, and the levels after (unchanged when refused).</summary>
public sealed record StockUpdateOutcome(StockUpdateStatus Status, StockLevelsSnapshot Levels);
