using DaprShop.Payment.Domain;

namespace DaprShop.Payment.Persistence;

/// <summary>An order's ledger as read from the store (null: none yet), with the ETag of that version (empty: none).</summary>
public sealed record StoredLedger(PaymentLedger? Ledger, string ETag);
