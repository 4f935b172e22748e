using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace InfoTheory;

// <summary>Which accumulator a serialized block holds: the <c>kind</c> field of its header.</summary>
internal enum AccumulatorKind : ushort
{
    ContingencyTable = 1,
    LabelCounts = 2,
    HistogramCounts = 3,
    StreamingMoments = 4,
}

// <summary>
// The one envelope every accumulator is written in (docs/accumulator-format.md): little-endian; a 16-byte header of
// the magic bytes <c>ITAC</c>, the format version (u16 = 1), the kind (u16) and the payload length (u64); the
// payload; and a trailer holding the CRC-32 (IEEE 802.3, as zlib) of header and payload.
// </summary>
// <remarks>
// The reader consumes exactly one block, so several accumulators can follow each other in one stream. It checks the
// CRC before a single payload byte is interpreted, and grows its buffer only as bytes actually arrive, so a header
// that lies about its length costs no more memory than the stream really holds.
// </remarks>
internal static class AccumulatorFormat
{
    public const ushort Version = 1;
    public const int HeaderLength = 16;
    public const int TrailerLength = 4;

    private const int ReadChunk = 1 << 20;

    private static ReadOnlySpan<byte> Magic => "ITAC"u8;

    // <summary>Writes header, <paramref name="payload"/> and CRC trailer to <paramref name="destination"/>.</summary>
    public static void Write(Stream destination, AccumulatorKind kind, ReadOnlySpan<byte> payload)
    {
        var block = new BlockWriter(destination, kind, payload.Length);
        block.Write(payload);
        block.Finish();
    }

    // <summary>Reads one block of <paramref name="kind"/> and returns its checked payload.</summary>
    // <exception cref="InvalidDataException">The bytes are truncated, foreign, of another kind or version, or fail the CRC.</exception>
    public static byte[] Read(Stream source, AccumulatorKind kind)
    {
        byte[] rented = ReadRented(source, kind, out int length);
        try
        {
            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // <summary>As <see cref="Read"/>, the payload being the first <paramref name="length"/> bytes of an array rented from <see cref="ArrayPool{T}.Shared"/>, which the caller returns.</summary>
    // <exception cref="InvalidDataException">The bytes are truncated, foreign, of another kind or version, or fail the CRC.</exception>
    public static byte[] ReadRented(Stream source, AccumulatorKind kind, out int length)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[HeaderLength];
        int got = source.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got < HeaderLength)
        {
            throw new InvalidDataException(
                $"The stream ends after {got} bytes, inside the {HeaderLength}-byte header of a serialized {kind}.");
        }

        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException(
                $"The stream does not start with the magic bytes 'ITAC' of a serialized accumulator (it starts 0x{Convert.ToHexString(header[..4])}).");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != Version)
        {
            throw new InvalidDataException(
                $"The accumulator was written in format version {version}; this library reads version {Version} only.");
        }

        ushort found = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        if (found != (ushort)kind)
        {
            string name = Enum.IsDefined((AccumulatorKind)found) ? ((AccumulatorKind)found).ToString() : $"unknown kind {found}";
            throw new InvalidDataException($"The stream holds a serialized {name}, not a {kind}.");
        }

        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        if (declared > (ulong)Array.MaxLength)
        {
            throw new InvalidDataException(
                $"The header declares a payload of {declared} bytes, more than the {Array.MaxLength} one block may hold.");
        }

        length = (int)declared;
        byte[] payload = ReadPayload(source, length, kind);
        try
        {
            CheckTrailer(source, header, payload.AsSpan(0, length), kind);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(payload);
            throw;
        }

        return payload;
    }

    private static void CheckTrailer(Stream source, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, AccumulatorKind kind)
    {
        int got;
        Span<byte> trailer = stackalloc byte[TrailerLength];
        got = source.ReadAtLeast(trailer, TrailerLength, throwOnEndOfStream: false);
        if (got < TrailerLength)
        {
            throw new InvalidDataException($"The stream ends inside the CRC trailer of a serialized {kind}.");
        }

        var crc = new Crc32();
        crc.Append(header);
        crc.Append(payload);
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(trailer), actual = crc.GetCurrentHashAsUInt32();
        if (expected != actual)
        {
            throw new InvalidDataException(
                $"The serialized {kind} is corrupt: its CRC-32 is 0x{actual:X8} but the trailer says 0x{expected:X8}.");
        }
    }

    private static byte[] ReadPayload(Stream source, int length, AccumulatorKind kind)
    {
        // Grow with the bytes that really arrive, so a corrupt length cannot make us allocate gigabytes up front.
        byte[] payload = ArrayPool<byte>.Shared.Rent(Math.Min(length, ReadChunk));
        int filled = 0;
        try
        {
            while (filled < length)
            {
                if (filled == payload.Length)
                {
                    byte[] grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, 2L * payload.Length));
                    payload.AsSpan(0, filled).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(payload);
                    payload = grown;
                }

                int read = source.Read(payload, filled, Math.Min(payload.Length, length) - filled);
                if (read == 0)
                {
                    throw new InvalidDataException(
                        $"The stream ends after {filled} of the {length} payload bytes its header declares for a serialized {kind}.");
                }

                filled += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(payload);
            throw;
        }

        return payload;
    }
}

// <summary>Writes one block whose payload arrives in pieces, so a large accumulator need not build its payload in memory first.</summary>
internal sealed class BlockWriter
{
    private readonly Stream _destination;
    private readonly Crc32 _crc = new();
    private long _remaining;

    // <summary>Writes the header of a block of <paramref name="kind"/> whose payload will be <paramref name="payloadLength"/> bytes.</summary>
    public BlockWriter(Stream destination, AccumulatorKind kind, long payloadLength)
    {
        _destination = destination;
        _remaining = payloadLength;
        Span<byte> header = stackalloc byte[AccumulatorFormat.HeaderLength];
        "ITAC"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], AccumulatorFormat.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)kind);
        BinaryPrimitives.WriteUInt64LittleEndian(header[8..], (ulong)payloadLength);
        _crc.Append(header);
        destination.Write(header);
    }

    // <summary>Writes the next piece of the payload.</summary>
    public void Write(ReadOnlySpan<byte> piece)
    {
        _remaining -= piece.Length;
        if (_remaining < 0)
        {
            throw new InvalidOperationException("The payload written is longer than its header declares.");
        }

        _crc.Append(piece);
        _destination.Write(piece);
    }

    // <summary>Writes the CRC trailer once the whole payload has been written.</summary>
    public void Finish()
    {
        if (_remaining != 0)
        {
            throw new InvalidOperationException($"The payload written is {_remaining} bytes shorter than its header declares.");
        }

        Span<byte> trailer = stackalloc byte[AccumulatorFormat.TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        _destination.Write(trailer);
    }
}

// <summary>A little-endian cursor over a checked payload that throws <see cref="InvalidDataException"/> when a field runs past its end.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload, string what)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly int Remaining => _payload.Length - _position;

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new InvalidDataException(
                $"The {what} payload needs {count} more bytes at offset {_position} but holds only {Remaining}.");
        }

        ReadOnlySpan<byte> slice = _payload.Slice(_position, count);
        _position += count;
        return slice;
    }

    public byte Byte() => Bytes(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));

    // <summary>Throws unless every byte has been read: trailing bytes mean the payload is not what its fields say.</summary>
    public readonly void End()
    {
        if (Remaining != 0)
        {
            throw new InvalidDataException($"The {what} payload has {Remaining} bytes left over after its last field.");
        }
    }
}

// <summary>Little-endian appends to a growable buffer, the writing half of <see cref="PayloadReader"/>.</summary>
internal static class PayloadWriter
{
    public static void UInt16(ArrayBufferWriter<byte> w, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(w.GetSpan(2), value);
        w.Advance(2);
    }

    public static void Int32(ArrayBufferWriter<byte> w, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(w.GetSpan(4), value);
        w.Advance(4);
    }

    public static void UInt32(ArrayBufferWriter<byte> w, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(w.GetSpan(4), value);
        w.Advance(4);
    }

    public static void Int64(ArrayBufferWriter<byte> w, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(w.GetSpan(8), value);
        w.Advance(8);
    }

    public static void Double(ArrayBufferWriter<byte> w, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(w.GetSpan(8), value);
        w.Advance(8);
    }

    public static void Byte(ArrayBufferWriter<byte> w, byte value)
    {
        w.GetSpan(1)[0] = value;
        w.Advance(1);
    }
}
