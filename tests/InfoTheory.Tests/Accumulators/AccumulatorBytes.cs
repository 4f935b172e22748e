using System.Buffers.Binary;

namespace InfoTheory.Tests.Accumulators;

/// <summary>Builds and damages serialized accumulators for the format tests, with a CRC-32 written here from its definition, independent of the library's.</summary>
internal static class AccumulatorBytes
{
    /// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF), bit by bit.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>A block of <paramref name="kind"/> around <paramref name="payload"/> with a correct CRC: what a writer of the documented format would produce.</summary>
    public static byte[] Seal(ushort kind, ReadOnlySpan<byte> payload, ushort version = 1)
    {
        var block = new byte[16 + payload.Length + 4];
        "ITAC"u8.CopyTo(block);
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(4), version);
        BinaryPrimitives.WriteUInt16LittleEndian(block.AsSpan(6), kind);
        BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(8), (ulong)payload.Length);
        payload.CopyTo(block.AsSpan(16));
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(16 + payload.Length), Crc32(block.AsSpan(0, 16 + payload.Length)));
        return block;
    }

    /// <summary>The payload of a block (no checks: the tests check the block separately).</summary>
    public static byte[] Payload(byte[] block) => block[16..^4];

    public static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    public static T Read<T>(byte[] bytes, Func<Stream, T> read)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return read(stream);
    }

    /// <summary>
    /// Every single-byte corruption (each byte xor-ed with 0x01, 0x80 and 0xFF) and every truncation of
    /// <paramref name="block"/> either throws <see cref="InvalidDataException"/> or, were a corruption ever to pass,
    /// reads back the original (checked by <paramref name="same"/>): never a different accumulator, never another exception.
    /// </summary>
    public static void FuzzRejects<T>(byte[] block, Func<Stream, T> read, Func<T, bool> same)
    {
        for (int i = 0; i < block.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] damaged = (byte[])block.Clone();
                damaged[i] ^= mask;
                try
                {
                    T result = Read(damaged, read);
                    same(result).Should().BeTrue($"flipping byte {i} by 0x{mask:X2} must not read as a different accumulator");
                }
                catch (InvalidDataException)
                {
                }
            }
        }

        for (int length = 0; length < block.Length; length++)
        {
            byte[] truncated = block[..length];
            FluentActions.Invoking(() => Read(truncated, read)).Should().Throw<InvalidDataException>($"a block cut to {length} bytes is truncated");
        }
    }
}
