namespace DaprShop.Catalog.Persistence;

internal enum ProductWriteStatus
{
    Saved,

    /// <summary>Some SKUs belong to other products; nothing was written.</summary>
    SkusTaken,

    /// <summary>The product or the id list changed since it was read; nothing was written, read again and retry.</summary>
    Stale,
}

internal sealed record ProductWrite(ProductWriteStatus Status, IReadOnlyList<string> TakenSkus)
{
    public static readonly ProductWrite Saved = new(ProductWriteStatus.Saved, []);
    public static readonly ProductWrite Stale = new(ProductWriteStatus.Stale, []);

    public static ProductWrite SkusTaken(IReadOnlyList<string> skus) => new(ProductWriteStatus.SkusTaken, skus);
}
