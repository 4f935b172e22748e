using System.Buffers;
using System.Buffers.Binary;
using System.Numerics.Tensors;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>A mutable accumulator of counts of label pairs (x, y), mergeable exactly across threads and machines.</summary>
/// <remarks>
/// Labels are category indices ≥ 0: cell (x, y) counts how often the pair was added. The table grows as
/// larger labels arrive, so <see cref="Rows"/> is max(x) + 1 (at least the shape given at construction)
/// and <see cref="Columns"/> is max(y) + 1. Counts are integers, so <see cref="Merge"/> is exact,
/// associative and commutative: data split in any way, counted in parts and merged in any order gives
/// the same table as one pass over all of it. That makes the type a map-reduce accumulator: count
/// per shard, merge the shards, then call <see cref="ToJointDistribution"/>. Not thread-safe: use one
/// table per thread and merge. Labels of other types are first mapped to indices by the caller (every shard must
/// use the same mapping, e.g. a shared dictionary or the sorted label set), which keeps merging exact.
/// </remarks>
public sealed class ContingencyTable
{
    /// <summary>The most cells (rows × columns) a table may grow to: 2²⁴, 128 MiB of counts.</summary>
    public const int MaxCells = 1 << 24;

    // rows, columns, total and cell width ahead of the counts in the serialized payload.
    private const int PayloadHeader = 17;

    private long[] _counts = [];
    private int _stride;

    /// <summary>Creates an empty table that grows with the labels it sees.</summary>
    public ContingencyTable()
    {
    }

    /// <summary>Creates an empty table for a known label space of <paramref name="rows"/> × <paramref name="columns"/> categories.</summary>
    /// <remarks>Declaring the shape makes every shard's table, and so its <see cref="ToJointDistribution"/>, the same size even when a shard never sees the largest labels.</remarks>
    /// <param name="rows">The number of X categories, ≥ 0.</param>
    /// <param name="columns">The number of Y categories, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative, or their product exceeds <see cref="MaxCells"/>.</exception>
    public ContingencyTable(int rows, int columns)
    {
        Guard.InRange(rows, 0, MaxCells, nameof(rows));
        Guard.InRange(columns, 0, MaxCells, nameof(columns));
        EnsureShape(rows, columns, nameof(rows), nameof(columns));
    }

    /// <summary>The number of X categories: the largest x added plus one, or the declared shape if larger.</summary>
    public int Rows { get; private set; }

    /// <summary>The number of Y categories: the largest y added plus one, or the declared shape if larger.</summary>
    public int Columns { get; private set; }

    /// <summary>The number of observations counted so far.</summary>
    public long Total { get; private set; }

    /// <summary>How often the pair (<paramref name="x"/>, <paramref name="y"/>) has been counted; 0 for labels beyond the table.</summary>
    /// <param name="x">The X label, ≥ 0.</param>
    /// <param name="y">The Y label, ≥ 0.</param>
    /// <returns>The count c(x, y), ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> or <paramref name="y"/> is negative.</exception>
    public long this[int x, int y]
    {
        get
        {
            Guard.InRange(x, 0, int.MaxValue, nameof(x));
            Guard.InRange(y, 0, int.MaxValue, nameof(y));
            return x < Rows && y < Columns ? _counts[((long)x * _stride) + y] : 0;
        }
    }

    /// <summary>Counts one observation of the pair (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <param name="x">The X label, ≥ 0.</param>
    /// <param name="y">The Y label, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative, or the table would exceed <see cref="MaxCells"/> cells.</exception>
    /// <exception cref="InvalidOperationException">The table already holds <see cref="long.MaxValue"/> observations; it is left unchanged.</exception>
    public void Add(int x, int y)
    {
        if (Total == long.MaxValue)
        {
            throw new InvalidOperationException(
                $"The table already holds {long.MaxValue} observations, the most its total can count; it cannot take another.");
        }

        Add(x, y, 1);
    }

    /// <summary>Counts <paramref name="count"/> observations of the pair (<paramref name="x"/>, <paramref name="y"/>) at once.</summary>
    /// <param name="x">The X label, ≥ 0.</param>
    /// <param name="y">The Y label, ≥ 0.</param>
    /// <param name="count">How many observations, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A label or <paramref name="count"/> is negative, the table would exceed <see cref="MaxCells"/> cells, or the total would pass <see cref="long.MaxValue"/>; the table is then left unchanged.</exception>
    public void Add(int x, int y, long count)
    {
        Guard.InRange(x, 0, int.MaxValue, nameof(x));
        Guard.InRange(y, 0, int.MaxValue, nameof(y));
        Guard.InRange(count, 0, long.MaxValue, nameof(count));
        RequireRoom(count, nameof(count));
        EnsureShape(x + 1L, y + 1L, nameof(x), nameof(y));
        _counts[((long)x * _stride) + y] += count;
        Total += count;
    }

    /// <summary>Counts one observation of each pair (x[i], y[i]).</summary>
    /// <remarks>One vectorised min/max pass checks and sizes the table, then one pass counts: no allocation unless the table grows.</remarks>
    /// <param name="x">The X label of each observation, every one ≥ 0.</param>
    /// <param name="y">The Y label of each observation, every one ≥ 0; same length as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative (the first one is named), the table would exceed <see cref="MaxCells"/> cells, or the total would pass <see cref="long.MaxValue"/>; the table is then left unchanged.</exception>
    public void Add(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        if (x.Length == 0)
        {
            return;
        }

        // No cell exceeds the total, so one bound on the total keeps every cell of the loop below from wrapping.
        RequireRoom(x.Length, nameof(x));

        long rows = MaxOfNonNegative(x, nameof(x)) + 1L, columns = MaxOfNonNegative(y, nameof(y)) + 1L;
        EnsureShape(rows, columns, nameof(x), nameof(y));
        long[] counts = _counts;
        int stride = _stride;
        for (int i = 0; i < x.Length; i++)
        {
            counts[(x[i] * stride) + y[i]]++;
        }

        Total += x.Length;
    }

    /// <summary>Adds every count of <paramref name="other"/> into this table, exactly.</summary>
    /// <remarks>
    /// Shapes: the result has max(rows) × max(columns) of the two tables, growing this one if <paramref name="other"/> is
    /// larger in either direction; a cell outside one table counts 0 there. So merging tables of any shapes in any order
    /// gives the same table. Counts cannot overflow: no cell exceeds the total, and the merged total is checked before
    /// anything changes. <paramref name="other"/> is not changed.
    /// </remarks>
    /// <param name="other">The table to fold in (it may be this table, which doubles every count).</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The merged total would pass <see cref="long.MaxValue"/>, or the merged shape would exceed <see cref="MaxCells"/> cells; the table is then left unchanged.</exception>
    public void Merge(ContingencyTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireRoom(other.Total, nameof(other));
        int rows = other.Rows, columns = other.Columns, otherStride = other._stride;
        EnsureShape(rows, columns, nameof(other), nameof(other));
        long[] source = other._counts;
        for (int x = 0; x < rows; x++)
        {
            TensorPrimitives.Add(
                _counts.AsSpan(x * _stride, columns), source.AsSpan(x * otherStride, columns), _counts.AsSpan(x * _stride, columns));
        }

        Total += other.Total;
    }

    /// <summary>Writes the table in the accumulator binary format (docs/accumulator-format.md), kind 1.</summary>
    /// <remarks>
    /// Layout, little-endian: header "ITAC", version u16 = 1, kind u16 = 1, payload length u64; payload = rows i32,
    /// columns i32, total i64, cell width u8 (1, 2, 4 or 8: the fewest bytes that hold the largest count), then the
    /// rows × columns counts row-major as unsigned integers of that width; trailer = CRC-32 (IEEE) of header and
    /// payload, u32. Equal tables write identical bytes. Only the shape (<see cref="Rows"/> × <see cref="Columns"/>)
    /// is written, not spare capacity.
    /// </remarks>
    /// <param name="destination">The stream to write to; left positioned after the block.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long max = 0;
        for (int x = 0; x < Rows; x++)
        {
            max = Math.Max(max, Columns == 0 ? 0 : TensorPrimitives.Max<long>(_counts.AsSpan(x * _stride, Columns)));
        }

        int width = max <= byte.MaxValue ? 1 : max <= ushort.MaxValue ? 2 : max <= uint.MaxValue ? 4 : 8;
        var block = new BlockWriter(destination, AccumulatorKind.ContingencyTable, PayloadHeader + ((long)Rows * Columns * width));
        Span<byte> prefix = stackalloc byte[PayloadHeader];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, Rows);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], Columns);
        BinaryPrimitives.WriteInt64LittleEndian(prefix[8..], Total);
        prefix[16] = (byte)width;
        block.Write(prefix);

        // Row by row through one pooled buffer: the payload is never held whole.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Columns * width));
        try
        {
            for (int x = 0; x < Rows; x++)
            {
                ReadOnlySpan<long> row = _counts.AsSpan(x * _stride, Columns);
                Span<byte> target = buffer.AsSpan(0, Columns * width);
                EncodeRow(row, width, target);
                block.Write(target);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        block.Finish();
    }

    private static void EncodeRow(ReadOnlySpan<long> row, int width, Span<byte> target)
    {
        switch (width)
        {
            case 1:
                for (int y = 0; y < row.Length; y++)
                {
                    target[y] = (byte)row[y];
                }

                break;
            case 2:
                for (int y = 0; y < row.Length; y++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(target[(2 * y)..], (ushort)row[y]);
                }

                break;
            case 4:
                for (int y = 0; y < row.Length; y++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(target[(4 * y)..], (uint)row[y]);
                }

                break;
            default:
                for (int y = 0; y < row.Length; y++)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(target[(8 * y)..], row[y]);
                }

                break;
        }
    }

    /// <summary>Reads a table written by <see cref="WriteTo"/>.</summary>
    /// <param name="source">The stream to read one block from; left positioned after it.</param>
    /// <returns>A table equal to the one written: same shape, counts and total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupt (CRC mismatch), not an accumulator, another kind or an unknown version;
    /// or the payload is inconsistent: a negative or oversized shape, a bad cell width, a negative count, or counts that do not sum to the stored total.</exception>
    public static ContingencyTable ReadFrom(Stream source)
    {
        byte[] payload = AccumulatorFormat.ReadRented(source, AccumulatorKind.ContingencyTable, out int length);
        try
        {
            return Decode(payload.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    private static ContingencyTable Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload, nameof(ContingencyTable));
        int rows = reader.Int32(), columns = reader.Int32();
        long total = reader.Int64();
        int width = reader.Byte();
        if (rows < 0 || columns < 0 || (long)rows * columns > MaxCells)
        {
            throw new InvalidDataException($"The serialized table claims a {rows} × {columns} shape; rows and columns must be >= 0 with at most {MaxCells} cells.");
        }

        if (width is not (1 or 2 or 4 or 8))
        {
            throw new InvalidDataException($"The serialized table has cell width {width}; it must be 1, 2, 4 or 8 bytes.");
        }

        int cells = rows * columns;
        ReadOnlySpan<byte> body = reader.Bytes(checked(cells * width));
        reader.End();
        var table = new ContingencyTable(rows, columns);
        long sum = DecodeCells(body, width, table._counts.AsSpan(0, cells), columns);
        if (sum != total)
        {
            throw new InvalidDataException($"The serialized table's counts sum to {sum} but its stored total is {total}.");
        }

        table.Total = total;
        return table;
    }

    /// <summary>The empirical joint distribution P(x, y) = c(x, y) / <see cref="Total"/>.</summary>
    /// <returns>A <see cref="Rows"/> × <see cref="Columns"/> joint distribution, X the rows.</returns>
    /// <exception cref="InvalidOperationException">Nothing has been counted yet.</exception>
    public JointDistribution ToJointDistribution()
    {
        if (Total == 0)
        {
            throw new InvalidOperationException("The contingency table is empty; add observations before asking for their distribution.");
        }

        var counts = new long[Rows * Columns];
        CopyCells(counts);
        return JointDistribution.FromCounts(counts, Rows, Columns);
    }

    /// <summary>Copies the counts into a new two-dimensional array.</summary>
    /// <returns>A <see cref="Rows"/> × <see cref="Columns"/> array with c(x, y) at [x, y].</returns>
    public long[,] ToArray()
    {
        var result = new long[Rows, Columns];
        for (int x = 0; x < Rows; x++)
        {
            for (int y = 0; y < Columns; y++)
            {
                result[x, y] = _counts[(x * _stride) + y];
            }
        }

        return result;
    }

    // Widths below 8 cannot hold a negative count, and 2²⁴ cells of at most 2³² − 1 cannot sum past a long: only
    // width 8 needs the per-cell checks, so the narrow widths decode in plain loops and sum vectorised.
    private static long DecodeCells(ReadOnlySpan<byte> body, int width, Span<long> counts, int columns)
    {
        switch (width)
        {
            case 1:
                for (int k = 0; k < counts.Length; k++)
                {
                    counts[k] = body[k];
                }

                return TensorPrimitives.Sum<long>(counts);
            case 2:
                for (int k = 0; k < counts.Length; k++)
                {
                    counts[k] = BinaryPrimitives.ReadUInt16LittleEndian(body[(2 * k)..]);
                }

                return TensorPrimitives.Sum<long>(counts);
            case 4:
                for (int k = 0; k < counts.Length; k++)
                {
                    counts[k] = BinaryPrimitives.ReadUInt32LittleEndian(body[(4 * k)..]);
                }

                return TensorPrimitives.Sum<long>(counts);
            default:
                long sum = 0;
                for (int k = 0; k < counts.Length; k++)
                {
                    long c = BinaryPrimitives.ReadInt64LittleEndian(body[(8 * k)..]);
                    if (c < 0)
                    {
                        throw new InvalidDataException($"The serialized table has count {c} in cell [{k / columns},{k % columns}]; counts must be >= 0.");
                    }

                    if (c > long.MaxValue - sum)
                    {
                        throw new InvalidDataException($"The serialized table's counts sum past {long.MaxValue}.");
                    }

                    sum += c;
                    counts[k] = c;
                }

                return sum;
        }
    }

    private void RequireRoom(long added, string paramName)
    {
        if (added > long.MaxValue - Total)
        {
            throw new ArgumentOutOfRangeException(
                paramName, added, $"{paramName} adds {added} observations to a table that holds {Total}; the total count must stay <= {long.MaxValue}.");
        }
    }

    private static int MaxOfNonNegative(ReadOnlySpan<int> labels, string paramName)
    {
        LabelCounting.MinMax(labels, out int min, out int max);
        if (min < 0)
        {
            int i = labels.IndexOfAnyInRange(int.MinValue, -1);
            throw new ArgumentOutOfRangeException(
                paramName, labels[i], $"{paramName}[{i}] is {labels[i]}; labels are category indices and must be >= 0.");
        }

        return max;
    }

    private void CopyCells(Span<long> destination)
    {
        for (int x = 0; x < Rows; x++)
        {
            _counts.AsSpan(x * _stride, Columns).CopyTo(destination.Slice(x * Columns, Columns));
        }
    }

    private void EnsureShape(long rows, long columns, string rowName, string columnName)
    {
        rows = Math.Max(rows, Rows);
        columns = Math.Max(columns, Columns);
        if (rows * columns > MaxCells)
        {
            string name = columns > Columns ? columnName : rowName;
            throw new ArgumentOutOfRangeException(
                name, $"{name} needs a {rows} × {columns} table, more than the {MaxCells} cells a contingency table may hold; labels must be category indices.");
        }

        int rowCapacity = _stride == 0 ? 0 : _counts.Length / _stride;
        if (rows > rowCapacity || columns > _stride)
        {
            // Grow geometrically so that labels arriving in increasing order cost amortised O(1) copies.
            long newStride = columns > _stride ? Math.Max(columns, 2L * _stride) : _stride;
            long newRows = rows > rowCapacity ? Math.Max(rows, 2L * rowCapacity) : rowCapacity;
            if (newStride * newRows > MaxCells)
            {
                newStride = columns;
                newRows = rows;
            }

            var grown = new long[newStride * newRows];
            for (int x = 0; x < Rows; x++)
            {
                _counts.AsSpan(x * _stride, Columns).CopyTo(grown.AsSpan(x * (int)newStride, Columns));
            }

            _counts = grown;
            _stride = (int)newStride;
        }

        Rows = (int)rows;
        Columns = (int)columns;
    }
}
