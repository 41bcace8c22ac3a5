namespace DaprShop.Contracts.Inventory;

/// <summary>A reservation still holding stock, in <see cref="StockLevelsSnapshot.Reservations"/>.</summary>
public sealed record OpenReservation(string ReservationId, int Quantity, DateTimeOffset ExpiresAt);
