using System.Security.Cryptography;
using System.Text;

namespace DaprShop.Workflow.Execution;

/// <summary>RFC 4122 version-5 (SHA-1, name-based) UUIDs: the same name always gives the same id, on any host.</summary>
internal static class NameBasedGuid
{
    /// <summary>The namespace durabletask-dotnet uses for <c>NewGuid()</c>.</summary>
    private static readonly Guid DurableTaskNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        DurableTaskNamespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(data);
        nameBytes.CopyTo(data, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(data, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
