using System.Buffers;
using InfoTheory.Binning;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>A mutable accumulator of counts over the bins of a fixed <see cref="Histogram"/>, for PSI and binned divergences; mergeable exactly and serializable.</summary>
/// <remarks>
/// Fit the <see cref="Histogram"/> once on a reference sample and give the same one (or one with equal edges and
/// policy) to every shard: then the shards' counts line up bin for bin, <see cref="Merge"/> is exact, associative and
/// commutative, and <see cref="Sampled.Drift.PopulationStabilityIndex(HistogramCounts, HistogramCounts, LogBase)"/>
/// compares two accumulators without re-reading the data. Counts are overflow-checked: an
/// <see cref="OverflowException"/> leaves the accumulator unchanged. Not thread-safe: use one per thread and merge.
/// </remarks>
public sealed class HistogramCounts
{
    private readonly long[] _counts;

    /// <summary>Creates empty counts over the bins of <paramref name="bins"/>.</summary>
    /// <param name="bins">The histogram whose edges and out-of-range policy assign values to bins.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bins"/> is null.</exception>
    public HistogramCounts(Histogram bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        Bins = bins;
        _counts = new long[bins.BinCount];
    }

    /// <summary>The histogram the counts are over.</summary>
    public Histogram Bins { get; }

    /// <summary>The count of each bin, <see cref="Histogram.BinCount"/> of them, in the histogram's bin order.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The number of values counted so far.</summary>
    public long Total { get; private set; }

    /// <summary>Counts one value into its bin.</summary>
    /// <param name="value">The value; not NaN.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN, or outside the edges under <see cref="OutOfRangePolicy.Reject"/>; nothing changes.</exception>
    /// <exception cref="OverflowException">The total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(double value)
    {
        int bin = Bins.Bin(value);
        Total = checked(Total + 1);
        _counts[bin]++;
    }

    /// <summary>Counts every value into its bin.</summary>
    /// <param name="values">The values; none NaN.</param>
    /// <exception cref="ArgumentException">A value is NaN, or outside the edges under <see cref="OutOfRangePolicy.Reject"/> (the message gives its index); nothing changes.</exception>
    /// <exception cref="OverflowException">The total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(ReadOnlySpan<double> values)
    {
        // No bin count exceeds the total, so checking the total first keeps every bin from overflowing; the histogram's
        // running count leaves the counts as they were when a value is rejected.
        long total = checked(Total + values.Length);
        Bins.Count(values, _counts);
        Total = total;
    }

    /// <summary>Adds every count of <paramref name="other"/> into this accumulator, exactly.</summary>
    /// <param name="other">Counts over the same bins: bit-identical edges and the same out-of-range policy. It may be this accumulator, which doubles every count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is over different edges or another out-of-range policy.</exception>
    /// <exception cref="OverflowException">The merged total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Merge(HistogramCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameBins(Bins, other.Bins, nameof(other));
        long total = checked(Total + other.Total);
        for (int b = 0; b < _counts.Length; b++)
        {
            _counts[b] += other._counts[b];
        }

        Total = total;
    }

    /// <summary>Writes the counts, with their edges and policy, in the accumulator binary format (docs/accumulator-format.md), kind 3.</summary>
    /// <remarks>
    /// Layout, little-endian: header "ITAC", version u16 = 1, kind u16 = 3, payload length u64; payload = out-of-range
    /// policy i32, edge count i32, the edges f64 (IEEE 754 bits), bin count i32, total i64, then each bin's count i64;
    /// trailer = CRC-32 (IEEE) of header and payload, u32. The binning rule is not written: the histogram read back
    /// has <see cref="BinningRule.Explicit"/> edges, equal bit for bit, so it merges with the original.
    /// </remarks>
    /// <param name="destination">The stream to write to; left positioned after the block.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ReadOnlySpan<double> edges = Bins.Edges;
        var payload = new ArrayBufferWriter<byte>(24 + (8 * (edges.Length + _counts.Length)));
        PayloadWriter.Int32(payload, (int)Bins.OutOfRange);
        PayloadWriter.Int32(payload, edges.Length);
        foreach (double edge in edges)
        {
            PayloadWriter.Double(payload, edge);
        }

        PayloadWriter.Int32(payload, _counts.Length);
        PayloadWriter.Int64(payload, Total);
        foreach (long count in _counts)
        {
            PayloadWriter.Int64(payload, count);
        }

        AccumulatorFormat.Write(destination, AccumulatorKind.HistogramCounts, payload.WrittenSpan);
    }

    /// <summary>Reads counts written by <see cref="WriteTo"/>.</summary>
    /// <param name="source">The stream to read one block from; left positioned after it.</param>
    /// <returns>Counts equal to those written, over a histogram with the written edges and policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupt (CRC mismatch), not an accumulator, another kind or an unknown version;
    /// or the payload is inconsistent: an unknown policy, edges that are not finite and strictly ascending, a bin count that does not match them,
    /// a negative count, or counts that do not sum to the stored total.</exception>
    public static HistogramCounts ReadFrom(Stream source)
    {
        byte[] payload = AccumulatorFormat.Read(source, AccumulatorKind.HistogramCounts);
        var reader = new PayloadReader(payload, nameof(HistogramCounts));
        var policy = (OutOfRangePolicy)reader.Int32();
        if (!Enum.IsDefined(policy))
        {
            throw new InvalidDataException($"The serialized histogram has out-of-range policy {(int)policy}, which is not defined.");
        }

        int edgeCount = reader.Int32();
        if (edgeCount < 2 || edgeCount > Histogram.MaxBins + 1)
        {
            throw new InvalidDataException($"The serialized histogram has {edgeCount} edges; it needs 2 to {Histogram.MaxBins + 1}.");
        }

        var edges = new double[edgeCount];
        for (int i = 0; i < edgeCount; i++)
        {
            edges[i] = reader.Double();
        }

        Histogram bins;
        try
        {
            bins = Histogram.Fit(edges, BinningRule.Explicit(edges), policy);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The serialized histogram's edges are not valid bin edges: {e.Message}", e);
        }

        int binCount = reader.Int32();
        if (binCount != bins.BinCount)
        {
            throw new InvalidDataException($"The serialized histogram stores {binCount} bins but its {edgeCount} edges and policy {policy} make {bins.BinCount}.");
        }

        long total = reader.Int64();
        var result = new HistogramCounts(bins);
        long sum = 0;
        for (int b = 0; b < binCount; b++)
        {
            long count = reader.Int64();
            if (count < 0)
            {
                throw new InvalidDataException($"The serialized histogram has count {count} in bin {b}; counts must be >= 0.");
            }

            if (count > long.MaxValue - sum)
            {
                throw new InvalidDataException($"The serialized histogram's counts sum past {long.MaxValue}.");
            }

            sum += count;
            result._counts[b] = count;
        }

        reader.End();
        if (sum != total)
        {
            throw new InvalidDataException($"The serialized histogram's counts sum to {sum} but its stored total is {total}.");
        }

        result.Total = total;
        return result;
    }

    // <summary>Throws unless <paramref name="other"/> has bit-identical edges and the same policy as <paramref name="bins"/>.</summary>
    internal static void RequireSameBins(Histogram bins, Histogram other, string paramName)
    {
        if (ReferenceEquals(bins, other))
        {
            return;
        }

        if (bins.OutOfRange != other.OutOfRange)
        {
            throw new ArgumentException(
                $"{paramName} counts values outside the edges by policy {other.OutOfRange}, these counts by {bins.OutOfRange}; merged counts need the same bins.", paramName);
        }

        ReadOnlySpan<double> a = bins.Edges, b = other.Edges;
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"{paramName} has {b.Length} bin edges, these counts {a.Length}; merged counts need the same bins.", paramName);
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i]))
            {
                throw new ArgumentException(
                    $"{paramName} has edge[{i}] = {Guard.Format(b[i])}, these counts {Guard.Format(a[i])}; merged counts need the same bins.", paramName);
            }
        }
    }
}
