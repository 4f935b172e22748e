using System.Text;

namespace InfoTheory;

/// <summary>Turns labels of type <typeparamref name="T"/> into bytes and back, so that <see cref="LabelCounts{T}"/> can be serialized.</summary>
/// <remarks>
/// <para>
/// <see cref="Write"/> must write the same bytes for equal labels (under the comparer the counts use), and
/// <see cref="Read"/> must read back exactly what <see cref="Write"/> wrote, consuming all of it. Each label is encoded
/// on its own into a length-prefixed slot of the format, so a codec need not delimit its own output, and a codec that
/// reads too little or too much is caught as <see cref="InvalidDataException"/>.
/// </para>
/// <para>
/// Built-in codecs, used when none is given: <see cref="string"/> (UTF-8 with a 7-bit-encoded length prefix,
/// <see cref="BinaryWriter.Write(string)"/>; invalid UTF-8 is rejected on read), <see cref="int"/>, <see cref="long"/>,
/// <see cref="short"/>, <see cref="byte"/>, <see cref="bool"/>, <see cref="char"/> (its UTF-16 code unit, u16) and
/// <see cref="Guid"/> (its 16 bytes, <see cref="Guid.ToByteArray()"/> order), <see cref="double"/> and
/// <see cref="float"/> (their IEEE bits, with −0 written as +0 and every NaN as the one canonical NaN, because the
/// default comparer counts those as one label), all little-endian.
/// </para>
/// </remarks>
/// <typeparam name="T">The label type.</typeparam>
public abstract class LabelCodec<T>
    where T : notnull
{
    /// <summary>Writes one label.</summary>
    /// <param name="writer">The writer to write it to (UTF-8, little-endian).</param>
    /// <param name="label">The label, not null.</param>
    public abstract void Write(BinaryWriter writer, T label);

    /// <summary>Reads one label written by <see cref="Write"/>.</summary>
    /// <param name="reader">The reader positioned at the label's bytes (UTF-8, throwing on invalid bytes).</param>
    /// <returns>The label.</returns>
    public abstract T Read(BinaryReader reader);
}

// <summary>The codecs <see cref="LabelCounts{T}"/> uses when none is given.</summary>
internal static class BuiltInLabelCodecs
{
    // <summary>UTF-8 that throws on invalid bytes instead of substituting U+FFFD, so a corrupt label never reads as a different one.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // <summary>The built-in codec for <typeparamref name="T"/>, or null when there is none.</summary>
    public static LabelCodec<T>? For<T>()
        where T : notnull
    {
        object? codec = typeof(T) switch
        {
            _ when typeof(T) == typeof(string) => new StringCodec(),
            _ when typeof(T) == typeof(int) => new Int32Codec(),
            _ when typeof(T) == typeof(long) => new Int64Codec(),
            _ when typeof(T) == typeof(short) => new Int16Codec(),
            _ when typeof(T) == typeof(byte) => new ByteCodec(),
            _ when typeof(T) == typeof(bool) => new BooleanCodec(),
            _ when typeof(T) == typeof(char) => new CharCodec(),
            _ when typeof(T) == typeof(Guid) => new GuidCodec(),
            _ when typeof(T) == typeof(double) => new DoubleCodec(),
            _ when typeof(T) == typeof(float) => new SingleCodec(),
            _ => null,
        };
        return (LabelCodec<T>?)codec;
    }

    private sealed class StringCodec : LabelCodec<string>
    {
        public override void Write(BinaryWriter writer, string label) => writer.Write(label);

        public override string Read(BinaryReader reader) => reader.ReadString();
    }

    private sealed class Int32Codec : LabelCodec<int>
    {
        public override void Write(BinaryWriter writer, int label) => writer.Write(label);

        public override int Read(BinaryReader reader) => reader.ReadInt32();
    }

    private sealed class Int64Codec : LabelCodec<long>
    {
        public override void Write(BinaryWriter writer, long label) => writer.Write(label);

        public override long Read(BinaryReader reader) => reader.ReadInt64();
    }

    private sealed class Int16Codec : LabelCodec<short>
    {
        public override void Write(BinaryWriter writer, short label) => writer.Write(label);

        public override short Read(BinaryReader reader) => reader.ReadInt16();
    }

    private sealed class ByteCodec : LabelCodec<byte>
    {
        public override void Write(BinaryWriter writer, byte label) => writer.Write(label);

        public override byte Read(BinaryReader reader) => reader.ReadByte();
    }

    private sealed class BooleanCodec : LabelCodec<bool>
    {
        public override void Write(BinaryWriter writer, bool label) => writer.Write(label);

        public override bool Read(BinaryReader reader) => reader.ReadByte() switch
        {
            0 => false,
            1 => true,
            byte b => throw new InvalidDataException($"A bool label is stored as byte {b}; it must be 0 or 1."),
        };
    }

    // Equal labels must give equal bytes: double.Equals treats −0 as +0 and any NaN as any other NaN.
    private sealed class DoubleCodec : LabelCodec<double>
    {
        public override void Write(BinaryWriter writer, double label) => writer.Write(label == 0 ? 0.0 : double.IsNaN(label) ? double.NaN : label);

        public override double Read(BinaryReader reader) => reader.ReadDouble();
    }

    private sealed class SingleCodec : LabelCodec<float>
    {
        public override void Write(BinaryWriter writer, float label) => writer.Write(label == 0 ? 0f : float.IsNaN(label) ? float.NaN : label);

        public override float Read(BinaryReader reader) => reader.ReadSingle();
    }

    private sealed class CharCodec : LabelCodec<char>
    {
        public override void Write(BinaryWriter writer, char label) => writer.Write((ushort)label);

        public override char Read(BinaryReader reader) => (char)reader.ReadUInt16();
    }

    private sealed class GuidCodec : LabelCodec<Guid>
    {
        public override void Write(BinaryWriter writer, Guid label)
        {
            Span<byte> bytes = stackalloc byte[16];
            label.TryWriteBytes(bytes);
            writer.Write(bytes);
        }

        public override Guid Read(BinaryReader reader)
        {
            byte[] bytes = reader.ReadBytes(16);
            return bytes.Length == 16 ? new Guid(bytes) : throw new EndOfStreamException("A Guid label needs 16 bytes.");
        }
    }
}
