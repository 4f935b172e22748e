namespace InfoTheory.Orleans.Grains;

/// <summary>
/// The seeded synthetic dataset every partition reads from. Row i depends only on the seed and i (a SplitMix64 stream
/// started at a hash of both), never on how the rows are cut, so a partition re-activated on another silo re-reads
/// exactly the rows it had, and the single-process run reads the same rows in one go.
/// </summary>
/// <remarks>
/// Columns of a row: a skewed label in [0, 8) for entropy; two int columns x, y in [0, 5) where y copies x with
/// probability 0.003 (so weakly dependent that the G-test p-value of a million rows is small but not 0); a numeric column
/// drawn from N(0.1, 1.05²) for the population stability index against a N(0, 1) reference; and a Gaussian pair
/// (u, v = 0.6u + 0.8z) whose Gaussian mutual information is −½ ln(1 − 0.36) ≈ 0.2231 nats.
/// </remarks>
public static class SyntheticDataset
{
    /// <summary>The number of distinct labels.</summary>
    public const int LabelCount = 8;

    /// <summary>The number of categories of x and of y.</summary>
    public const int Categories = 5;

    /// <summary>The size of the reference sample the PSI bins are fitted on.</summary>
    public const int ReferenceSize = 10_000;

    /// <summary>The number of quantile bins of the PSI histogram.</summary>
    public const int PsiBins = 10;

    /// <summary>The number of rows generated per block when filling accumulators, to keep buffers small.</summary>
    private const int Block = 4096;

    /// <summary>The reference sample of the PSI column: <see cref="ReferenceSize"/> draws from N(0, 1), from the seed alone.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <returns>The reference values.</returns>
    public static double[] ReferenceSample(long seed)
    {
        var values = new double[ReferenceSize];
        for (int i = 0; i < values.Length; i++)
        {
            // A stream disjoint from the rows': rows use non-negative indices, the reference negative ones.
            var rng = new RowRandom(seed, -1 - (long)i);
            values[i] = rng.Normal();
        }

        return values;
    }

    /// <summary>The PSI bins: <see cref="PsiBins"/> quantile bins of the reference sample, clamping values outside.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <returns>The histogram every partition counts into.</returns>
    public static Histogram PsiHistogram(long seed) =>
        Histogram.Fit(ReferenceSample(seed), BinningRule.Quantile(PsiBins), OutOfRangePolicy.Clamp);

    /// <summary>Reads rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) into fresh accumulators.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="firstRow">The first global row index; not negative.</param>
    /// <param name="endRow">One past the last row; at least <paramref name="firstRow"/>.</param>
    /// <param name="bins">The PSI bins (<see cref="PsiHistogram"/> of the same seed).</param>
    /// <returns>The rows' label counts, x–y table, PSI counts and moments of the Gaussian pair.</returns>
    public static PartitionAccumulators Read(long seed, long firstRow, long endRow, Histogram bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (firstRow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow), firstRow, "firstRow must not be negative.");
        }

        if (endRow < firstRow)
        {
            throw new ArgumentOutOfRangeException(nameof(endRow), endRow, $"endRow must be at least firstRow ({firstRow}).");
        }

        var result = new PartitionAccumulators(
            new LabelCounts<int>(), new ContingencyTable(Categories, Categories), new HistogramCounts(bins), new StreamingMoments(2));
        var labels = new int[Block];
        var x = new int[Block];
        var y = new int[Block];
        var numeric = new double[Block];
        var u = new double[Block];
        var v = new double[Block];
        for (long start = firstRow; start < endRow; start += Block)
        {
            int n = (int)Math.Min(Block, endRow - start);
            FillRows(seed, start, labels.AsSpan(0, n), x.AsSpan(0, n), y.AsSpan(0, n), numeric.AsSpan(0, n), u.AsSpan(0, n), v.AsSpan(0, n));
            result.Labels.Add(labels.AsSpan(0, n));
            result.Table.Add(x.AsSpan(0, n), y.AsSpan(0, n));
            result.Current.Add(numeric.AsSpan(0, n));
            result.Moments.Add(u.AsSpan(0, n), v.AsSpan(0, n));
        }

        return result;
    }

    /// <summary>Generates consecutive rows, column by column, starting at global row <paramref name="firstRow"/>.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="firstRow">The global index of the first row; not negative.</param>
    /// <param name="labels">Receives the label column; its length is the number of rows.</param>
    /// <param name="x">Receives x; same length as <paramref name="labels"/>.</param>
    /// <param name="y">Receives y; same length.</param>
    /// <param name="numeric">Receives the PSI column; same length.</param>
    /// <param name="u">Receives the first Gaussian column; same length.</param>
    /// <param name="v">Receives the second Gaussian column; same length.</param>
    public static void FillRows(long seed, long firstRow, Span<int> labels, Span<int> x, Span<int> y, Span<double> numeric, Span<double> u, Span<double> v)
    {
        if (firstRow < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow), firstRow, "firstRow must not be negative.");
        }

        int n = labels.Length;
        if (x.Length != n || y.Length != n || numeric.Length != n || u.Length != n || v.Length != n)
        {
            throw new ArgumentException($"Every column must have the labels' length {n}; got x {x.Length}, y {y.Length}, numeric {numeric.Length}, u {u.Length}, v {v.Length}.", nameof(labels));
        }

        for (int k = 0; k < n; k++)
        {
            var rng = new RowRandom(seed, checked(firstRow + k));
            double a = rng.Uniform();
            labels[k] = Math.Min((int)(LabelCount * a * a), LabelCount - 1);
            x[k] = (int)(rng.Uniform() * Categories);
            y[k] = rng.Uniform() < 0.003 ? x[k] : (int)(rng.Uniform() * Categories);
            numeric[k] = 0.1 + 1.05 * rng.Normal();
            u[k] = rng.Normal();
            v[k] = 0.6 * u[k] + 0.8 * rng.Normal();
        }
    }

    /// <summary>A SplitMix64 stream started at a hash of the seed and a row index.</summary>
    private struct RowRandom
    {
        private ulong _state;

        public RowRandom(long seed, long row)
        {
            _state = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix(unchecked((ulong)row)));
        }

        /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
        public double Uniform() => (Next() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
        public double Normal()
        {
            double u1 = 1.0 - Uniform(); // (0, 1], so the logarithm is finite
            double u2 = Uniform();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        private ulong Next()
        {
            _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
            return Mix(_state);
        }

        private static ulong Mix(ulong z)
        {
            unchecked
            {
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
