namespace DaprShop.Contracts.Inventory;

/// <summary>What a reservation call did or found: the reservation's status and the SKU's available stock after the call.</summary>
/// <param name="Quantity">The reservation's quantity; 0 for <see cref="ReservationStatus.NotFound"/> and <see cref="ReservationStatus.InsufficientStock"/>.</param>
/// <param name="ExpiresAt">When a <see cref="ReservationStatus.Reserved"/> reservation expires; null otherwise.</param>
public sealed record ReservationOutcome(string ReservationId, ReservationStatus Status, int Quantity, int Available, DateTimeOffset? ExpiresAt);
