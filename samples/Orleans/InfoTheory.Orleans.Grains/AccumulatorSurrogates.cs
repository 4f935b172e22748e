namespace InfoTheory.Orleans.Grains;

/// <summary>
/// Orleans carries the accumulators as the bytes of their own binary format (WriteTo/ReadFrom, CRC-checked), not as
/// Orleans' field-by-field encoding of their internals: what crosses a silo boundary is exactly what a file or a
/// queue would hold. Each converter below counts its conversions so tests can see the format is actually used.
/// </summary>
public static class AccumulatorSurrogates
{
    private static long s_toBytes;
    private static long s_fromBytes;

    /// <summary>How many accumulators were written to their binary format by Orleans in this process.</summary>
    public static long ToBytesCount => Interlocked.Read(ref s_toBytes);

    /// <summary>How many accumulators were read back from their binary format by Orleans in this process.</summary>
    public static long FromBytesCount => Interlocked.Read(ref s_fromBytes);

    internal static byte[] Write(Action<Stream> writeTo)
    {
        Interlocked.Increment(ref s_toBytes);
        using var stream = new MemoryStream();
        writeTo(stream);
        return stream.ToArray();
    }

    internal static T Read<T>(byte[]? bytes, Func<Stream, T> readFrom)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Interlocked.Increment(ref s_fromBytes);
        using var stream = new MemoryStream(bytes, writable: false);
        T value = readFrom(stream);
        if (stream.Position != stream.Length)
        {
            throw new InvalidDataException($"The accumulator block ended at byte {stream.Position} of {stream.Length}; trailing bytes mean a corrupt payload.");
        }

        return value;
    }
}

/// <summary>A <see cref="ContingencyTable"/> on the wire: its binary format.</summary>
[GenerateSerializer]
public struct ContingencyTableSurrogate
{
    /// <summary>The bytes <see cref="ContingencyTable.WriteTo(Stream)"/> wrote.</summary>
    [Id(0)] public byte[] Bytes { get; set; }
}

/// <summary>Converts a <see cref="ContingencyTable"/> to and from its binary format.</summary>
[RegisterConverter]
public sealed class ContingencyTableConverter : IConverter<ContingencyTable, ContingencyTableSurrogate>
{
    /// <inheritdoc/>
    public ContingencyTable ConvertFromSurrogate(in ContingencyTableSurrogate surrogate) =>
        AccumulatorSurrogates.Read(surrogate.Bytes, ContingencyTable.ReadFrom);

    /// <inheritdoc/>
    public ContingencyTableSurrogate ConvertToSurrogate(in ContingencyTable value)
    {
        ContingencyTable table = value;
        return new() { Bytes = AccumulatorSurrogates.Write(table.WriteTo) };
    }
}

/// <summary>A <see cref="LabelCounts{T}"/> on the wire: its binary format with the built-in codec of <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The label type; one with a built-in <see cref="LabelCodec{T}"/> (string, int, long, Guid, …).</typeparam>
[GenerateSerializer]
public struct LabelCountsSurrogate<T>
    where T : notnull
{
    /// <summary>The bytes <see cref="LabelCounts{T}.WriteTo(Stream, LabelCodec{T}?)"/> wrote.</summary>
    [Id(0)] public byte[] Bytes { get; set; }
}

/// <summary>Converts a <see cref="LabelCounts{T}"/> to and from its binary format.</summary>
/// <typeparam name="T">The label type; one with a built-in <see cref="LabelCodec{T}"/>.</typeparam>
/// <remarks>Generic because Orleans looks converters up by the generic type definition; a converter for the closed
/// <c>LabelCounts&lt;int&gt;</c> alone is not found.</remarks>
[RegisterConverter]
public sealed class LabelCountsConverter<T> : IConverter<LabelCounts<T>, LabelCountsSurrogate<T>>
    where T : notnull
{
    /// <inheritdoc/>
    public LabelCounts<T> ConvertFromSurrogate(in LabelCountsSurrogate<T> surrogate) =>
        AccumulatorSurrogates.Read(surrogate.Bytes, s => LabelCounts<T>.ReadFrom(s));

    /// <inheritdoc/>
    public LabelCountsSurrogate<T> ConvertToSurrogate(in LabelCounts<T> value)
    {
        LabelCounts<T> counts = value;
        return new() { Bytes = AccumulatorSurrogates.Write(s => counts.WriteTo(s)) };
    }
}

/// <summary>A <see cref="HistogramCounts"/> on the wire: its binary format, edges included.</summary>
[GenerateSerializer]
public struct HistogramCountsSurrogate
{
    /// <summary>The bytes <see cref="HistogramCounts.WriteTo(Stream)"/> wrote.</summary>
    [Id(0)] public byte[] Bytes { get; set; }
}

/// <summary>Converts a <see cref="HistogramCounts"/> to and from its binary format.</summary>
[RegisterConverter]
public sealed class HistogramCountsConverter : IConverter<HistogramCounts, HistogramCountsSurrogate>
{
    /// <inheritdoc/>
    public HistogramCounts ConvertFromSurrogate(in HistogramCountsSurrogate surrogate) =>
        AccumulatorSurrogates.Read(surrogate.Bytes, HistogramCounts.ReadFrom);

    /// <inheritdoc/>
    public HistogramCountsSurrogate ConvertToSurrogate(in HistogramCounts value)
    {
        HistogramCounts counts = value;
        return new() { Bytes = AccumulatorSurrogates.Write(counts.WriteTo) };
    }
}

/// <summary>A <see cref="StreamingMoments"/> on the wire: its binary format, exact sums included.</summary>
[GenerateSerializer]
public struct StreamingMomentsSurrogate
{
    /// <summary>The bytes <see cref="StreamingMoments.WriteTo(Stream)"/> wrote.</summary>
    [Id(0)] public byte[] Bytes { get; set; }
}

/// <summary>Converts a <see cref="StreamingMoments"/> to and from its binary format.</summary>
[RegisterConverter]
public sealed class StreamingMomentsConverter : IConverter<StreamingMoments, StreamingMomentsSurrogate>
{
    /// <inheritdoc/>
    public StreamingMoments ConvertFromSurrogate(in StreamingMomentsSurrogate surrogate) =>
        AccumulatorSurrogates.Read(surrogate.Bytes, StreamingMoments.ReadFrom);

    /// <inheritdoc/>
    public StreamingMomentsSurrogate ConvertToSurrogate(in StreamingMoments value)
    {
        StreamingMoments moments = value;
        return new() { Bytes = AccumulatorSurrogates.Write(moments.WriteTo) };
    }
}
