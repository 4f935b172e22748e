using System.Buffers;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>A mutable accumulator of the count, mean and co-moment matrix of d numeric columns, for Gaussian entropy and Gaussian mutual information; mergeable with the same bits in any order, and serializable.</summary>
/// <remarks>
/// <para>
/// The state is the count n and the exact sums Σxᵢ and Σxᵢxⱼ (i ≥ j): every value and every product of two values is
/// added exactly, into a fixed-point integer wide enough for the whole double range. Integer sums are associative and
/// commutative, so data split in any way, accumulated in parts and merged in any order gives the same state bit for
/// bit, and <see cref="Mean"/>, <see cref="CoMoment"/> and <see cref="Covariance"/>, read out of that state once
/// (rounded to about 106 bits, then M = Σxᵢxⱼ − x̄ᵢ Σxⱼ, then rounded to double), are identical whatever the
/// partition or merge order. Cancellation in M costs nothing from the data, only from the final 106-bit readout.
/// </para>
/// <para>
/// Why not the pairwise update of T. F. Chan, G. H. Golub and R. J. LeVeque ("Updating formulae and a pairwise algorithm
/// for computing sample variances", Stanford CS report STAN-CS-79-773, 1979), the usual streaming choice: each of its
/// merges rounds, so it is accurate but not associative in floating point, and two merge trees over the same data give
/// results that differ in the last bits; a distributed job then cannot reproduce the single-process answer exactly.
/// Exact sums cost more per row (d(d+3)/2 exact additions) and about 0.5 KiB of state per sum, and buy reproducibility.
/// </para>
/// <para>
/// Values must be finite: NaN and ±∞ are rejected with the offending index, before anything changes. The count is
/// overflow-checked. Not thread-safe: use one accumulator per thread and merge.
/// </para>
/// </remarks>
public sealed class StreamingMoments
{
    /// <summary>The most columns an accumulator may have: 4096 (each pair of columns holds an exact sum of about 0.5 KiB).</summary>
    public const int MaxDimension = 4096;

    private readonly ExactSum[] _sums;
    private readonly ExactSum[] _products;

    /// <summary>Creates an empty accumulator of <paramref name="dimension"/> columns.</summary>
    /// <param name="dimension">The number of columns d, in [1, <see cref="MaxDimension"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is outside [1, <see cref="MaxDimension"/>].</exception>
    public StreamingMoments(int dimension)
    {
        Guard.InRange(dimension, 1, MaxDimension, nameof(dimension));
        Dimension = dimension;
        _sums = NewSums(dimension);
        _products = NewSums(dimension * (dimension + 1) / 2);
    }

    /// <summary>The number of columns d.</summary>
    public int Dimension { get; }

    /// <summary>The number of rows added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one row of <see cref="Dimension"/> values.</summary>
    /// <param name="row">The row: d finite values.</param>
    /// <exception cref="ArgumentException"><paramref name="row"/> does not have d values, or holds a NaN or infinite value (the message gives its index); nothing changes.</exception>
    /// <exception cref="OverflowException">The count would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(ReadOnlySpan<double> row)
    {
        if (row.Length != Dimension)
        {
            throw new ArgumentException($"{nameof(row)} has {row.Length} values; this accumulator has {Dimension} columns.", nameof(row));
        }

        Guard.AllFinite(row, nameof(row));
        Count = checked(Count + 1);
        AddRow(row);
    }

    /// <summary>Adds the rows (x[i], y[i]) of a two-column accumulator, given column by column.</summary>
    /// <param name="x">Column 0: finite values.</param>
    /// <param name="y">Column 1: finite values, as many as <paramref name="x"/>.</param>
    /// <exception cref="InvalidOperationException"><see cref="Dimension"/> is not 2.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or one holds a NaN or infinite value (the message gives its index); nothing changes.</exception>
    /// <exception cref="OverflowException">The count would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (Dimension != 2)
        {
            throw new InvalidOperationException(
                $"Adding columns x and y needs a two-column accumulator; this one has {Dimension} columns, so add rows instead.");
        }

        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        Guard.AllFinite(x, nameof(x));
        Guard.AllFinite(y, nameof(y));
        Count = checked(Count + x.Length);
        Span<double> row = stackalloc double[2];
        for (int i = 0; i < x.Length; i++)
        {
            row[0] = x[i];
            row[1] = y[i];
            AddRow(row);
        }
    }

    /// <summary>Adds n rows stored row-major: row r is <c>rowMajor[(r·d)..((r+1)·d)]</c>.</summary>
    /// <param name="rowMajor">n × d finite values.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of d, or a value is NaN or infinite (the message gives its index); nothing changes.</exception>
    /// <exception cref="OverflowException">The count would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void AddRows(ReadOnlySpan<double> rowMajor)
    {
        int d = Dimension;
        if (rowMajor.Length % d != 0)
        {
            throw new ArgumentException(
                $"{nameof(rowMajor)} has {rowMajor.Length} values, not a whole number of rows of {d}.", nameof(rowMajor));
        }

        Guard.AllFinite(rowMajor, nameof(rowMajor));
        Count = checked(Count + (rowMajor.Length / d));
        for (int r = 0; r < rowMajor.Length; r += d)
        {
            AddRow(rowMajor.Slice(r, d));
        }
    }

    /// <summary>Adds the exact state of <paramref name="other"/> into this accumulator.</summary>
    /// <remarks>Exact: any merge tree over the same rows gives the same state bit for bit. <paramref name="other"/> keeps its value; it may be this accumulator, which counts every row twice.</remarks>
    /// <param name="other">An accumulator of the same dimension.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has another dimension.</exception>
    /// <exception cref="OverflowException">The merged count would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Merge(StreamingMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension)
        {
            throw new ArgumentException(
                $"{nameof(other)} has {other.Dimension} columns, this accumulator {Dimension}; only equal dimensions merge.", nameof(other));
        }

        long count = checked(Count + other.Count);
        for (int i = 0; i < _sums.Length; i++)
        {
            _sums[i].Merge(other._sums[i]);
        }

        for (int i = 0; i < _products.Length; i++)
        {
            _products[i].Merge(other._products[i]);
        }

        Count = count;
    }

    /// <summary>The mean of each column, x̄ᵢ = Σxᵢ / n, from the exact sums.</summary>
    /// <returns>A new array of d means.</returns>
    /// <exception cref="InvalidOperationException">No rows have been added.</exception>
    public double[] Mean()
    {
        RequireRows(1);
        var mean = new double[Dimension];
        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] = MeanOf(i).Hi;
        }

        return mean;
    }

    /// <summary>The co-moment matrix Mᵢⱼ = Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ), the state of Chan, Golub and LeVeque's update, read out of the exact sums.</summary>
    /// <remarks>Computed as Σxᵢxⱼ − x̄ᵢ Σxⱼ in about 106-bit arithmetic from the exact sums; the diagonal is clamped at 0 against the last bit of rounding. Symmetric.</remarks>
    /// <returns>A new d × d matrix.</returns>
    /// <exception cref="InvalidOperationException">No rows have been added.</exception>
    /// <exception cref="OverflowException">A sum of squares exceeds the double range, so the co-moments cannot be represented.</exception>
    public double[,] CoMoment()
    {
        RequireRows(1);
        DoubleDouble[,] m = CoMoments();
        int d = Dimension;
        var result = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                result[i, j] = m[i, j].Hi;
            }
        }

        return result;
    }

    /// <summary>The covariance matrix Σᵢⱼ = Mᵢⱼ / (n − <paramref name="ddof"/>), from the co-moments of <see cref="CoMoment"/>.</summary>
    /// <param name="ddof">The delta degrees of freedom: 1 (the default) for the unbiased sample covariance, as numpy's <c>cov</c>; 0 for the maximum-likelihood one.</param>
    /// <returns>A new d × d symmetric matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ddof"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">No more than <paramref name="ddof"/> rows have been added.</exception>
    /// <exception cref="OverflowException">A sum of squares exceeds the double range.</exception>
    public double[,] Covariance(int ddof = 1)
    {
        Guard.InRange(ddof, 0, int.MaxValue, nameof(ddof));
        RequireRows(ddof + 1L);
        DoubleDouble[,] m = CoMoments();
        DoubleDouble divisor = DoubleDouble.FromLong(Count - ddof);
        int d = Dimension;
        var result = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                result[i, j] = (m[i, j] / divisor).Hi;
            }
        }

        return result;
    }

    /// <summary>The differential entropy of the Gaussian fitted to the rows by maximum likelihood: h = ½ ln((2πe)ᵈ det Σ), Σ the covariance with ddof = 0.</summary>
    /// <remarks>Builds <see cref="Gaussian"/>(<see cref="Mean"/>, <see cref="Covariance"/>(0)) and returns its <see cref="Gaussian.Entropy"/>.</remarks>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>h in <paramref name="unit"/>; negative when the covariance is small.</returns>
    /// <exception cref="InvalidOperationException">No rows have been added, or the covariance is singular (e.g. a constant column, or fewer rows than columns).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    /// <exception cref="OverflowException">A sum of squares exceeds the double range.</exception>
    public double GaussianEntropy(LogBase unit = LogBase.Nats)
    {
        Units.NatsPerUnit(unit);
        return Fit(Mean(), Covariance(0)).Entropy(unit);
    }

    /// <summary>The mutual information between two disjoint groups of columns under the fitted Gaussian: I = ½ ln(det Σₓ det Σᵧ / det Σₓᵧ).</summary>
    /// <remarks>The covariance's scale cancels, so ddof does not matter; only the columns named are used, so other columns may be singular. Delegates to <see cref="Gaussian.MutualInformation(ReadOnlySpan{int}, ReadOnlySpan{int}, LogBase)"/>.</remarks>
    /// <param name="xColumns">The columns of X: distinct indices in [0, d).</param>
    /// <param name="yColumns">The columns of Y: distinct indices in [0, d), none in <paramref name="xColumns"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>I in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A group is empty, has an index outside [0, d) or repeated, or the groups share a column.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    /// <exception cref="InvalidOperationException">No rows have been added, or the covariance of the named columns is singular.</exception>
    /// <exception cref="OverflowException">A sum of squares exceeds the double range.</exception>
    public double GaussianMutualInformation(ReadOnlySpan<int> xColumns, ReadOnlySpan<int> yColumns, LogBase unit = LogBase.Nats)
    {
        Units.NatsPerUnit(unit);
        Columns(xColumns, nameof(xColumns));
        Columns(yColumns, nameof(yColumns));
        foreach (int column in yColumns)
        {
            if (xColumns.Contains(column))
            {
                throw new ArgumentException($"{nameof(yColumns)} contains column {column}, which is also in {nameof(xColumns)}; the groups must be disjoint.", nameof(yColumns));
            }
        }

        int[] union = [.. xColumns, .. yColumns];
        double[] mean = Mean();
        double[,] covariance = Covariance(0);
        var subMean = new double[union.Length];
        var subCovariance = new double[union.Length, union.Length];
        for (int a = 0; a < union.Length; a++)
        {
            subMean[a] = mean[union[a]];
            for (int b = 0; b < union.Length; b++)
            {
                subCovariance[a, b] = covariance[union[a], union[b]];
            }
        }

        int[] first = [.. Enumerable.Range(0, xColumns.Length)];
        int[] second = [.. Enumerable.Range(xColumns.Length, yColumns.Length)];
        return Fit(subMean, subCovariance).MutualInformation(first, second, unit);
    }

    /// <summary>Writes the exact state in the accumulator binary format (docs/accumulator-format.md), kind 4.</summary>
    /// <remarks>
    /// Layout, little-endian: header "ITAC", version u16 = 1, kind u16 = 4, payload length u64; payload = dimension i32,
    /// count i64, then d exact sums Σxᵢ and d(d+1)/2 exact sums Σxᵢxⱼ (i ≥ j, row by row), each 135 limbs of 32 bits
    /// (limb k weighs 2^(32k − 2176); limbs 0–133 u32, limb 134 i32, two's complement overall); trailer = CRC-32 (IEEE) of
    /// header and payload, u32. Equal states write identical bytes.
    /// </remarks>
    /// <param name="destination">The stream to write to; left positioned after the block.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var payload = new ArrayBufferWriter<byte>(12 + ((_sums.Length + _products.Length) * ExactSum.LimbCount * 4));
        PayloadWriter.Int32(payload, Dimension);
        PayloadWriter.Int64(payload, Count);
        foreach (ExactSum sum in _sums)
        {
            sum.Write(payload);
        }

        foreach (ExactSum sum in _products)
        {
            sum.Write(payload);
        }

        AccumulatorFormat.Write(destination, AccumulatorKind.StreamingMoments, payload.WrittenSpan);
    }

    /// <summary>Reads a state written by <see cref="WriteTo"/>.</summary>
    /// <param name="source">The stream to read one block from; left positioned after it.</param>
    /// <returns>An accumulator with the written state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupt (CRC mismatch), not an accumulator, another kind or an unknown version;
    /// or the payload is inconsistent: a dimension outside [1, <see cref="MaxDimension"/>], a negative count, a sum of squares that is negative,
    /// or sums that are not 0 for an empty accumulator.</exception>
    public static StreamingMoments ReadFrom(Stream source)
    {
        byte[] payload = AccumulatorFormat.Read(source, AccumulatorKind.StreamingMoments);
        var reader = new PayloadReader(payload, nameof(StreamingMoments));
        int d = reader.Int32();
        if (d < 1 || d > MaxDimension)
        {
            throw new InvalidDataException($"The serialized moments have dimension {d}; it must be in [1, {MaxDimension}].");
        }

        long count = reader.Int64();
        if (count < 0)
        {
            throw new InvalidDataException($"The serialized moments have count {count}; it must be >= 0.");
        }

        var result = new StreamingMoments(d) { Count = count };
        for (int i = 0; i < d; i++)
        {
            result._sums[i] = ExactSum.Read(ref reader);
        }

        for (int i = 0; i < result._products.Length; i++)
        {
            result._products[i] = ExactSum.Read(ref reader);
        }

        reader.End();
        for (int i = 0; i < d; i++)
        {
            if (result._products[ProductIndex(i, i)].IsNegative)
            {
                throw new InvalidDataException($"The serialized moments have a negative sum of squares for column {i}.");
            }
        }

        if (count == 0 && !(Array.TrueForAll(result._sums, static s => s.IsZero) && Array.TrueForAll(result._products, static s => s.IsZero)))
        {
            throw new InvalidDataException("The serialized moments have no rows but non-zero sums.");
        }

        return result;
    }

    private static ExactSum[] NewSums(int length)
    {
        var sums = new ExactSum[length];
        for (int i = 0; i < length; i++)
        {
            sums[i] = new ExactSum();
        }

        return sums;
    }

    private static int ProductIndex(int i, int j) => (i * (i + 1) / 2) + j;

    private void AddRow(ReadOnlySpan<double> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            double xi = row[i];
            _sums[i].Add(xi);
            int offset = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++)
            {
                _products[offset + j].AddProduct(xi, row[j]);
            }
        }
    }

    private void RequireRows(long needed)
    {
        if (Count < needed)
        {
            throw new InvalidOperationException(
                $"The moments hold {Count} rows; this needs at least {needed}.");
        }
    }

    // Σxᵢ / n at 106 bits, scaled by 2⁻⁶⁴ first so a sum beyond the double range still gives its (finite) mean.
    private DoubleDouble MeanOf(int i) => (_sums[i].ToDoubleDouble(-64) / DoubleDouble.FromLong(Count)).ScaleB(64);

    private DoubleDouble[,] CoMoments()
    {
        int d = Dimension;
        var means = new DoubleDouble[d];
        var sums = new DoubleDouble[d];
        for (int i = 0; i < d; i++)
        {
            means[i] = MeanOf(i);
            sums[i] = _sums[i].ToDoubleDouble();
            DoubleDouble square = _products[ProductIndex(i, i)].ToDoubleDouble();
            if (!double.IsFinite(square.Hi))
            {
                throw new OverflowException(
                    $"The sum of squares of column {i} exceeds {double.MaxValue}; its co-moments cannot be represented as doubles.");
            }
        }

        var m = new DoubleDouble[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                // Σxᵢxⱼ − x̄ᵢ Σxⱼ; with finite sums of squares, Cauchy–Schwarz keeps every term finite.
                DoubleDouble value = _products[ProductIndex(i, j)].ToDoubleDouble() - (means[i] * sums[j]);
                if (i == j && value.Hi < 0)
                {
                    value = default;
                }

                m[i, j] = value;
                m[j, i] = value;
            }
        }

        return m;
    }

    private void Columns(ReadOnlySpan<int> columns, string paramName)
    {
        Guard.NotEmpty(columns.Length, paramName);
        for (int a = 0; a < columns.Length; a++)
        {
            if (columns[a] < 0 || columns[a] >= Dimension)
            {
                throw new ArgumentException($"{paramName}[{a}] is {columns[a]}; columns must be in [0, {Dimension}).", paramName);
            }

            if (columns[..a].Contains(columns[a]))
            {
                throw new ArgumentException($"{paramName}[{a}] repeats column {columns[a]}; columns must be distinct.", paramName);
            }
        }
    }

    private static Gaussian Fit(double[] mean, double[,] covariance)
    {
        try
        {
            return new Gaussian(mean, covariance);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The accumulated rows do not determine a Gaussian: {e.Message}", e);
        }
    }
}
