using DaprShop.Contracts.Inventory;
using SetOnHandRequest = DaprShop.Contracts.Inventory.SetOnHand;

namespace DaprShop.Inventory.Domain;

/// <summary>
/// The stock rules of one SKU for one actor turn: reservations reserve, commit, release and expire; admins set and
/// adjust on-hand. Each change moves <see cref="Levels"/> (whose invariant refuses overselling), bumps
/// <see cref="Version"/> and queues one <see cref="StockChanged"/>. Calls are idempotent by reservation id: a finished
/// reservation is passed in by the caller (the actor reads it from its own key) and answered as it stands. Adjustments
/// with an id are, likewise, by the applied adjustment the caller passes in.
/// </summary>
public sealed class StockItem
{
    private readonly Dictionary<string, Reservation> _open;
    private readonly List<StockChanged> _pendingEvents;
    private readonly List<Reservation> _finished = [];
    private readonly List<AppliedAdjustment> _adjusted = [];
    private int _availableAtLastChange;

    public StockItem(string sku, StockItemState state)
    {
        Sku = sku;
        Levels = state.Levels;
        _availableAtLastChange = Levels.Available;
        Version = state.Version;
        ExpiryReminderDueAt = state.ExpiryReminderDueAt;
        _open = new Dictionary<string, Reservation>(state.Open, StringComparer.Ordinal);
        _pendingEvents = [.. state.PendingEvents];
        // Loading the stored due time is not a change.
        Changed = false;
    }

    public string Sku { get; }

    public StockLevels Levels { get; private set; }

    public long Version { get; private set; }

    /// <summary>Whether this turn changed anything that must be saved.</summary>
    public bool Changed { get; private set; }

    /// <summary>When the actor's expiry reminder fires next (null: none registered); kept by the actor, stored with the rest.</summary>
    public DateTimeOffset? ExpiryReminderDueAt
    {
        get;
        set
        {
            if (field == value) return;
            field = value;
            Changed = true;
        }
    }

    public IReadOnlyList<StockChanged> PendingEvents => _pendingEvents;

    /// <summary>Reservations finished during this turn; the actor stores each under its own key.</summary>
    public IReadOnlyList<Reservation> FinishedThisTurn => _finished;

    /// <summary>Adjustments with an id applied during this turn; the actor stores each under its own key.</summary>
    public IReadOnlyList<AppliedAdjustment> AdjustedThisTurn => _adjusted;

    public DateTimeOffset? EarliestExpiry => _open.Count == 0 ? null : _open.Values.Min(reservation => reservation.ExpiresAt);

    public bool IsOpen(string reservationId) => _open.ContainsKey(reservationId);

    /// <param name="finished">The reservation with this id if it finished in an earlier turn, else null.</param>
    /// <exception cref="ArgumentException">The request is malformed: a caller bug.</exception>
    public ReservationOutcome Reserve(ReserveStock request, Reservation? finished, DateTimeOffset now)
    {
        ThrowIfMalformed(request);
        if (_open.TryGetValue(request.ReservationId, out var open)) return OutcomeOf(open);
        if (finished is not null) return OutcomeOf(finished);
        if (!Levels.CanReserve(request.Quantity))
        {
            return new ReservationOutcome(request.ReservationId, ReservationStatus.InsufficientStock, 0, Levels.Available, null);
        }

        var reservation = new Reservation(request.ReservationId, request.Quantity, now + request.Ttl, ReservationStatus.Reserved);
        _open.Add(reservation.Id, reservation);
        Levels = Levels.Reserve(reservation.Quantity);
        RecordChange(now);
        return OutcomeOf(reservation);
    }

    public ReservationOutcome Commit(string reservationId, Reservation? finished, DateTimeOffset now) =>
        Finish(reservationId, finished, ReservationStatus.Committed, now);

    public ReservationOutcome Release(string reservationId, Reservation? finished, DateTimeOffset now) =>
        Finish(reservationId, finished, ReservationStatus.Released, now);

    /// <summary>Returns the stock of every reservation whose expiry has come; runs first in every changing turn, so a late reminder cannot let one be committed.</summary>
    public void ExpireDue(DateTimeOffset now)
    {
        var due = _open.Values.Where(reservation => reservation.ExpiresAt <= now).ToList();
        foreach (var reservation in due)
        {
            Close(reservation, ReservationStatus.Expired);
        }

        if (due.Count > 0) RecordChange(now);
    }

    public StockUpdateOutcome SetOnHand(long onHand, DateTimeOffset now)
    {
        if (!Levels.CanSetOnHand(onHand, SetOnHandRequest.MaxOnHand)) return new StockUpdateOutcome(StockUpdateStatus.BelowReserved, Snapshot());
        if (onHand != Levels.OnHand)
        {
            Levels = Levels.WithOnHand((int)onHand);
            RecordChange(now);
        }

        return new StockUpdateOutcome(StockUpdateStatus.Applied, Snapshot());
    }

    /// <param name="applied">The adjustment with this request's id if it was applied in an earlier turn, else null.</param>
    /// <exception cref="ArgumentException">The adjustment id is blank or too long: a caller bug.</exception>
    public StockUpdateOutcome Adjust(AdjustStock request, AppliedAdjustment? applied, DateTimeOffset now)
    {
        if (request.AdjustmentId is { } id && (string.IsNullOrWhiteSpace(id) || id.Length > AdjustStock.AdjustmentIdMaxLength))
            throw new ArgumentException($"AdjustmentId must be null or 1 to {AdjustStock.AdjustmentIdMaxLength} characters.", nameof(request));
        if (applied is not null) return new StockUpdateOutcome(StockUpdateStatus.Applied, Snapshot());

        var outcome = SetOnHand((long)Levels.OnHand + request.Delta, now);
        if (outcome.Status == StockUpdateStatus.Applied && request.AdjustmentId is not null)
        {
            _adjusted.Add(new AppliedAdjustment(request.AdjustmentId, request.Delta, now));
            Changed = true;
        }

        return outcome;
    }

    public StockLevelsSnapshot Snapshot() => new(
        Sku, Levels.OnHand, Levels.Reserved, Levels.Committed, Levels.Available, Version,
        [.. _open.Values.OrderBy(reservation => reservation.ExpiresAt).Select(reservation => new OpenReservation(reservation.Id, reservation.Quantity, reservation.ExpiresAt))]);

    /// <summary>
    /// The pending events up to <paramref name="version"/> reached the broker: they leave the outbox with the next save,
    /// which this does not call for (<see cref="Changed"/> stays as it is).
    /// </summary>
    public void DropPublishedThrough(long version) => _pendingEvents.RemoveAll(change => change.Version <= version);

    public StockItemState ToState() => new(Levels, Version, new Dictionary<string, Reservation>(_open), [.. _pendingEvents], ExpiryReminderDueAt);

    private ReservationOutcome Finish(string reservationId, Reservation? finished, ReservationStatus status, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        if (_open.TryGetValue(reservationId, out var open))
        {
            var closed = Close(open, status);
            RecordChange(now);
            return OutcomeOf(closed);
        }

        return finished is not null
            ? OutcomeOf(finished)
            : new ReservationOutcome(reservationId, ReservationStatus.NotFound, 0, Levels.Available, null);
    }

    private Reservation Close(Reservation reservation, ReservationStatus status)
    {
        _open.Remove(reservation.Id);
        Levels = status == ReservationStatus.Committed ? Levels.Commit(reservation.Quantity) : Levels.Release(reservation.Quantity);
        var closed = reservation with { Status = status };
        _finished.Add(closed);
        return closed;
    }

    private void RecordChange(DateTimeOffset now)
    {
        Version++;
        _pendingEvents.Add(new StockChanged(Sku, Levels.OnHand, Levels.Reserved, Levels.Available, _availableAtLastChange, Version, now));
        _availableAtLastChange = Levels.Available;
        Changed = true;
    }

    private ReservationOutcome OutcomeOf(Reservation reservation) =>
        new(reservation.Id, reservation.Status, reservation.Quantity, Levels.Available, reservation.IsOpen ? reservation.ExpiresAt : null);

    private static void ThrowIfMalformed(ReserveStock request)
    {
        if (string.IsNullOrWhiteSpace(request.ReservationId) || request.ReservationId.Length > ReserveStock.ReservationIdMaxLength)
            throw new ArgumentException($"ReservationId must be 1 to {ReserveStock.ReservationIdMaxLength} characters.", nameof(request));
        if (request.Quantity is < 1 or > ReserveStock.MaxQuantity)
            throw new ArgumentException($"Quantity must be 1 to {ReserveStock.MaxQuantity}.", nameof(request));
        if (request.Ttl < ReserveStock.MinTtl || request.Ttl > ReserveStock.MaxTtl)
            throw new ArgumentException($"Ttl must be {ReserveStock.MinTtl} to {ReserveStock.MaxTtl}.", nameof(request));
    }
}
