using DaprShop.Contracts.Catalog;

namespace DaprShop.Cart.Domain;

/// <summary>
/// The rules of one cart: at most <see cref="CartLimits.MaxLines"/> lines of <see cref="CartLimits.MinQuantityPerLine"/>
/// to <see cref="CartLimits.MaxQuantityPerLine"/> each, all priced in one currency, never more of a SKU than is in
/// stock when the shopper asks. A refused change leaves the cart untouched; every accepted one gets a new <see cref="Revision"/>.
/// </summary>
public sealed class ShoppingCart
{
    /// <summary>Merges are retried only shortly after the first attempt, so a few remembered ones are enough.</summary>
    public const int RememberedMerges = 10;

    private readonly List<CartLine> _lines;
    private readonly List<MergedGuestCart> _merged;

    public ShoppingCart(CartState? state = null)
    {
        _lines = [.. state?.Lines ?? []];
        _merged = [.. state?.MergedGuestCarts ?? []];
        Revision = state?.Revision ?? Guid.Empty;
    }

    public IReadOnlyList<CartLine> Lines => _lines;

    /// <summary>
    /// New with every change (never reused, even after the cart was emptied and removed), so a guest cart's id and
    /// revision name exactly one set of lines to merge.
    /// </summary>
    public Guid Revision { get; private set; }

    /// <summary>Nothing worth storing: no lines and no merge to remember.</summary>
    public bool IsEmpty => _lines.Count == 0 && _merged.Count == 0;

    /// <summary>Adds <paramref name="quantity"/> of the variant, or that many more to its line, at its current catalogue price.</summary>
    public CartRejection? Add(CatalogVariant variant, int quantity, int available)
    {
        var existing = Find(variant.Sku);
        if (existing is null && _lines.Count >= CartLimits.MaxLines)
        {
            return new(CartRejectionReason.LineLimit, $"A cart holds at most {CartLimits.MaxLines} different items.");
        }

        return Put(variant, (existing?.Quantity ?? 0) + quantity, available);
    }

    /// <summary>Sets the quantity of a line already in the cart (at least one; removing is <see cref="Remove"/>).</summary>
    public CartRejection? SetQuantity(CatalogVariant variant, int quantity, int available) =>
        Find(variant.Sku) is null
            ? new(CartRejectionReason.NotInCart, $"{variant.Sku} is not in the cart; add it first.")
            : Put(variant, quantity, available);

    /// <summary>Removes the line; removing what is not there is not an error, so retries are harmless.</summary>
    public void Remove(string sku)
    {
        if (_lines.RemoveAll(line => line.Sku == sku) > 0) Revise();
    }

    /// <summary>Empties the cart but keeps the merges it remembers, so a retried merge still finds it was done.</summary>
    public void Clear()
    {
        if (_lines.Count == 0) return;
        _lines.Clear();
        Revise();
    }

    /// <summary>
    /// Empties the cart only if it is still at <paramref name="revision"/>: checkout clears the lines it ordered, never
    /// a line the shopper changed or added since. Clearing revises the cart, so a repeat changes nothing.
    /// </summary>
    public void ClearIfUnchanged(Guid revision)
    {
        if (Revision == revision) Clear();
    }

    /// <summary>
    /// Moves a guest cart's lines in: a SKU the user already has gets the quantities summed, capped at
    /// <see cref="CartLimits.MaxQuantityPerLine"/>, and keeps the user's price snapshot; a new SKU comes with the guest's
    /// snapshot. Lines in another currency than the user's cart, or beyond <see cref="CartLimits.MaxLines"/>, are left
    /// out. Stock is not checked here: checkout reserves it. The same guest cart at the same revision merges once.
    /// </summary>
    public CartMergeOutcome Merge(string guestCartId, Guid guestRevision, IReadOnlyList<CartLine> guestLines)
    {
        var merge = new MergedGuestCart(guestCartId, guestRevision);
        if (_merged.Contains(merge)) return new CartMergeOutcome(AlreadyMerged: true, 0, []);

        var merged = 0;
        var leftOut = new List<string>();
        foreach (var guestLine in guestLines)
        {
            if (Find(guestLine.Sku) is { } existing)
            {
                Replace(existing, existing with { Quantity = Math.Min(existing.Quantity + guestLine.Quantity, CartLimits.MaxQuantityPerLine) });
                merged++;
            }
            else if ((CurrencyOfLinesOtherThan(guestLine.Sku) is { } currency && currency != guestLine.UnitPrice.Currency)
                || _lines.Count >= CartLimits.MaxLines)
            {
                leftOut.Add(guestLine.Sku);
            }
            else
            {
                _lines.Add(guestLine with { Quantity = Math.Min(guestLine.Quantity, CartLimits.MaxQuantityPerLine) });
                merged++;
            }
        }

        _merged.Add(merge);
        if (_merged.Count > RememberedMerges) _merged.RemoveAt(0);
        Revise();
        return new CartMergeOutcome(AlreadyMerged: false, merged, leftOut);
    }

    public CartState ToState(DateTimeOffset updatedAt) => new([.. _lines], Revision, [.. _merged], updatedAt);

    /// <summary>Writes the line with <paramref name="quantity"/> and a fresh price snapshot, if every rule allows it.</summary>
    private CartRejection? Put(CatalogVariant variant, int quantity, int available)
    {
        if (variant.Archived)
        {
            return new(CartRejectionReason.Archived, $"{variant.Sku} ({variant.ProductName}) is no longer sold.");
        }

        if (CurrencyOfLinesOtherThan(variant.Sku) is { } currency && currency != variant.Price.Currency)
        {
            return new(CartRejectionReason.CurrencyMismatch,
                $"The cart is priced in {currency}; {variant.Sku} is priced in {variant.Price.Currency}. A cart holds one currency.");
        }

        if (quantity > CartLimits.MaxQuantityPerLine)
        {
            return new(CartRejectionReason.QuantityLimit, $"A cart holds at most {CartLimits.MaxQuantityPerLine} of one item; this would make {quantity} of {variant.Sku}.");
        }

        if (quantity > available)
        {
            return new(CartRejectionReason.OutOfStock, $"Only {available} of {variant.Sku} are available; the cart would hold {quantity}.", available);
        }

        var line = new CartLine(variant.Sku, variant.ProductName, variant.Options, quantity, variant.Price);
        if (Find(variant.Sku) is { } existing) Replace(existing, line);
        else _lines.Add(line);
        Revise();
        return null;
    }

    private void Revise() => Revision = Guid.CreateVersion7();

    private CartLine? Find(string sku) => _lines.Find(line => line.Sku == sku);

    private void Replace(CartLine existing, CartLine replacement) => _lines[_lines.IndexOf(existing)] = replacement;

    /// <summary>The cart's currency as the other lines fix it; null when no other line does.</summary>
    private string? CurrencyOfLinesOtherThan(string sku) => _lines.FirstOrDefault(line => line.Sku != sku)?.UnitPrice.Currency;
}
