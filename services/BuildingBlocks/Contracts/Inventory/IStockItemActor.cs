using DaprShop.Actors;

namespace DaprShop.Contracts.Inventory;

/// <summary>
/// The stock of one SKU, hosted by inventory: one actor per SKU, the actor id is the SKU
/// (<c>proxies.CreateActorProxy&lt;IStockItemActor&gt;(new ActorId(sku), IStockItemActor.TypeName)</c>).
/// Every reservation call is idempotent by <see cref="ReserveStock.ReservationId"/>, which the caller chooses
/// (ordering uses <c>{orderId}:{sku}</c>), so a retried call never reserves, commits or releases twice; an adjustment
/// is, likewise, when it carries an <see cref="AdjustStock.AdjustmentId"/>.
/// </summary>
public interface IStockItemActor : IActor
{
    public const string TypeName = "StockItem";

    /// <summary>
    /// Holds <see cref="ReserveStock.Quantity"/> units until committed, released or expired. A known reservation id
    /// answers that reservation's current status instead of reserving again; too little stock answers
    /// <see cref="ReservationStatus.InsufficientStock"/> and records nothing, so the same id may be tried again later.
    /// </summary>
    Task<ReservationOutcome> Reserve(ReserveStock request);

    /// <summary>
    /// Sells a reserved quantity: it leaves reserved and on-hand. Answers <see cref="ReservationStatus.Committed"/> when
    /// this or an earlier call committed it; <see cref="ReservationStatus.Released"/>, <see cref="ReservationStatus.Expired"/>
    /// or <see cref="ReservationStatus.NotFound"/> mean nothing was (or will be) committed.
    /// </summary>
    Task<ReservationOutcome> Commit(ReservationReference reservation);

    /// <summary>
    /// Returns a reserved quantity to available stock. Answers <see cref="ReservationStatus.Released"/> when this or an
    /// earlier call released it; a committed, expired or unknown reservation is left as it is and its status answered.
    /// </summary>
    Task<ReservationOutcome> Release(ReservationReference reservation);

    Task<StockLevelsSnapshot> GetLevels();

    /// <summary>Admin: sets on-hand; refused with <see cref="StockUpdateStatus.BelowReserved"/> below what is reserved.</summary>
    Task<StockUpdateOutcome> SetOnHand(SetOnHand request);

    /// <summary>
    /// Adds <see cref="AdjustStock.Delta"/> (negative for shrinkage) to on-hand, refused as <see cref="SetOnHand"/> is.
    /// An <see cref="AdjustStock.AdjustmentId"/> applied before answers <see cref="StockUpdateStatus.Applied"/> with the
    /// current levels and changes nothing; a refused adjustment records nothing, so its id may be tried again later.
    /// </summary>
    Task<StockUpdateOutcome> Adjust(AdjustStock request);
}
