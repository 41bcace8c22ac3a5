namespace DaprShop.SeedData;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed forever, unlike <see cref="Random"/>, whose
/// algorithm for a given seed is an implementation detail of the runtime. The seed must not change between releases.
/// </summary>
internal sealed class SeedRandom(ulong seed)
{
    private ulong _state = seed;

    public int Next(int minInclusive, int maxExclusive) => minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary><paramref name="count"/> distinct items, in list order (a partial Fisher–Yates shuffle of the indices).</summary>
    public IReadOnlyList<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var indices = Enumerable.Range(0, items.Count).ToArray();
        for (var i = indices.Length - 1; i > 0; i--)
        {
            var j = Next(0, i + 1);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return indices.Take(count).Order().Select(i => items[i]).ToList();
    }

    public bool Chance(int percent) => Next(0, 100) < percent;

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
