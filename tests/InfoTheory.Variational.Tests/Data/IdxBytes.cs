using System.Buffers.Binary;

namespace InfoTheory.Variational.Tests.Data;

/// <summary>Builds IDX file content from the format's definition, independently of the reader under test.</summary>
public static class IdxBytes
{
    /// <summary>A big-endian magic, one big-endian 32-bit size per dimension, then the data bytes.</summary>
    public static byte[] Create(int magic, int[] sizes, byte[] data)
    {
        var bytes = new byte[4 + (4 * sizes.Length) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < sizes.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), sizes[d]);
        }

        data.CopyTo(bytes, 4 + (4 * sizes.Length));
        return bytes;
    }
}
