using System.Text;

namespace DaprShop.Sidecar.Actors;

/// <summary>
/// FNV-1a (32 bits) over UTF-8: the same text hashes the same in every process (string.GetHashCode is randomized per
/// process), and it is the hash daprd partitions reminders with.
/// </summary>
public static class Fnv1a
{
    public const uint OffsetBasis = 2166136261u;
    private const uint Prime = 16777619u;
    private const int MaxStackBytes = 256;

    /// <summary>Continues <paramref name="hash"/> over <paramref name="text"/>, so several strings hash as their concatenation.</summary>
    public static uint Hash(string text, uint hash = OffsetBasis)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Span<byte> bytes = length <= MaxStackBytes ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(text, bytes);
        foreach (var value in bytes) hash = (hash ^ value) * Prime;
        return hash;
    }
}
