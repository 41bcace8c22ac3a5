using DaprShop.Ordering.Domain;

namespace DaprShop.Ordering.Persistence;

/// <summary>An order as read from the store, with the ETag of that version.</summary>
internal sealed record StoredOrder(Order Order, string ETag);
