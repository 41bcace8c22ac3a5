using System.Text.Json.Serialization;

namespace DaprShop.Inventory.Domain;

/// <summary>
/// One SKU's stock levels and the invariant that holds between them, checked on every construction:
/// <list type="bullet">
/// <item><c>0 ≤ Reserved ≤ OnHand</c>, so <c>Available = OnHand − Reserved ≥ 0</c>: never negative, never oversold;</item>
/// <item><c>Committed ≥ 0</c> counts the units sold: a commit moves a reservation's quantity out of both
/// <see cref="Reserved"/> and <see cref="OnHand"/> (the goods leave the shelf) and adds it here.</item>
/// </list>
/// Every change goes through a method below, which either keeps the invariant or refuses; a level that would break it
/// throws <see cref="StockInvariantViolationException"/>, which is a bug, never an answer to a caller.
/// </summary>
public sealed record StockLevels
{
    public StockLevels(int onHand, int reserved, int committed)
    {
        if (onHand < 0 || reserved < 0 || reserved > onHand || committed < 0)
        {
            throw new StockInvariantViolationException(onHand, reserved, committed);
        }

        OnHand = onHand;
        Reserved = reserved;
        Committed = committed;
    }

    public static StockLevels Empty { get; } = new(0, 0, 0);

    public int OnHand { get; }

    public int Reserved { get; }

    public int Committed { get; }

    [JsonIgnore]
    public int Available => OnHand - Reserved;

    public bool CanReserve(int quantity) => quantity > 0 && quantity <= Available;

    public StockLevels Reserve(int quantity) => new(OnHand, Reserved + quantity, Committed);

    public StockLevels Release(int quantity) => new(OnHand, Reserved - quantity, Committed);

    public StockLevels Commit(int quantity) => new(OnHand - quantity, Reserved - quantity, Committed + quantity);

    /// <summary>On-hand may be set anywhere from what is reserved up to <paramref name="maximum"/>, never under a reservation.</summary>
    public bool CanSetOnHand(long onHand, int maximum) => onHand >= Reserved && onHand <= maximum;

    public StockLevels WithOnHand(int onHand) => new(onHand, Reserved, Committed);
}
