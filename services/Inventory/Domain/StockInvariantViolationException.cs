namespace DaprShop.Inventory.Domain;

/// <summary>Levels that break <see cref="StockLevels"/>' invariant were about to be built: a bug, so the turn fails and nothing is saved.</summary>
public sealed class StockInvariantViolationException(int onHand, int reserved, int committed)
    : InvalidOperationException($"Stock levels onHand={onHand}, reserved={reserved}, committed={committed} break 0 ≤ reserved ≤ onHand, committed ≥ 0.");
