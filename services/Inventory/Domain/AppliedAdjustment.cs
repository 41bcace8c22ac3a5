namespace DaprShop.Inventory.Domain;

/// <summary>An adjustment applied under a caller's id, remembered so the same id never adjusts the SKU twice.</summary>
public sealed record AppliedAdjustment(string Id, int Delta, DateTimeOffset AppliedAt);
