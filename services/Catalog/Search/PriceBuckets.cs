namespace DaprShop.Catalog.Search;

/// <summary>The price facet's buckets, in minor units: under 25, 25–50, 50–100, 100–250, 250–500, 500 and up.</summary>
internal static class PriceBuckets
{
    /// <summary>Lower bounds; each bucket ends where the next begins.</summary>
    public static readonly long[] LowerBounds = [0, 2_500, 5_000, 10_000, 25_000, 50_000];

    public static int IndexOf(long amount)
    {
        var index = LowerBounds.Length - 1;
        while (index > 0 && amount < LowerBounds[index]) index--;
        return index;
    }

    public static IReadOnlyList<PriceBucketFacet> Facets(int[] counts) =>
        [.. LowerBounds.Select((min, index) => new PriceBucketFacet(min, index + 1 < LowerBounds.Length ? LowerBounds[index + 1] : null, counts[index]))];
}
