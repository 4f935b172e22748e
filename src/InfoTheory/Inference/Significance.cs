using System.Buffers;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Inference;

/// <summary>Whether a measured dependence is real: analytic (G) tests and permutation tests of independence.</summary>
/// <remarks>
/// Every plug-in estimate of mutual information from a finite sample is positive, even between independent variables:
/// under independence 2N·Î (nats) is asymptotically χ² with (r − 1)(c − 1) degrees of freedom, so Î itself has mean
/// ≈ (r − 1)(c − 1)/(2N). These tests say how surprising an observed value is under independence.
/// </remarks>
public static partial class Significance
{
    /// <summary>The G-test of independence of the two labels counted in <paramref name="table"/>: G = 2N·Î(X;Y) against χ².</summary>
    /// <remarks>
    /// <para>
    /// G = 2 Σ c_xy ln(c_xy·N / (c_x·c_y)) = 2N·Î(X;Y) in nats is the likelihood-ratio statistic of independence and is
    /// asymptotically χ² with (r − 1)(c − 1) degrees of freedom, r and c counting the rows and columns that hold an
    /// observation (an empty row or column carries no information; scipy refuses such a table). The p-value is the upper
    /// regularized incomplete gamma function Q(df/2, G/2). This equals scipy's
    /// <c>chi2_contingency(table, lambda_="log-likelihood", correction=False)</c>.
    /// </para>
    /// <para>
    /// The χ² approximation needs expected counts c_x·c_y/N of about 5 or more in most cells (Cochran's rule); with sparse
    /// tables or many small categories it is anticonservative, and a permutation test
    /// (<see cref="MutualInformation{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, int, int, LogBase, int)"/>) is the answer.
    /// </para>
    /// </remarks>
    /// <param name="table">The counts of label pairs; at least one observation.</param>
    /// <returns>G (nats), its degrees of freedom and its asymptotic p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> holds no observation.</exception>
    public static GTestResult GTest(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Total == 0)
        {
            throw new ArgumentException("table holds no observation; a test of independence needs at least one.", nameof(table));
        }

        long[,] counts = table.ToArray();
        return StratumG(counts).ToResult();
    }

    /// <summary>The G-test of independence of two paired label sequences: G = 2N·Î(X;Y) against χ² with (r − 1)(c − 1) degrees of freedom.</summary>
    /// <remarks>As <see cref="GTest(ContingencyTable)"/> on the table of the pairs; r and c are the numbers of distinct labels.</remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <returns>G (nats), its degrees of freedom and its asymptotic p-value.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, or a label is null.</exception>
    public static GTestResult GTest<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y)
        where TX : notnull
        where TY : notnull
    {
        Guard.NotEmpty(x.Length, nameof(x));
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        return ConditionalG(x, y, default(ReadOnlySpan<byte>), conditioned: false).ToResult();
    }

    /// <summary>The conditional G-test of X ⫫ Y | Z for three paired label sequences: G = 2N·Î(X;Y|Z) against χ² with the degrees of freedom summed over the strata of Z.</summary>
    /// <remarks>
    /// G = 2N·Î(X;Y|Z) (nats) is the sum over the values z of Z of the G statistics of the tables of (X, Y) within stratum z,
    /// and its degrees of freedom are Σ_z (r_z − 1)(c_z − 1) with r_z and c_z the X and Y labels seen in stratum z (the
    /// Cochran–Mantel–Haenszel layout). The asymptotics need every stratum well filled; with many strata or few
    /// observations per stratum use a permutation test within strata.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <typeparam name="TZ">The label type of Z.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="z">The Z label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <returns>G (nats), its degrees of freedom and its asymptotic p-value.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, or a label is null.</exception>
    public static GTestResult ConditionalGTest<TX, TY, TZ>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        CheckTriple(x.Length, y.Length, z.Length);
        return ConditionalG(x, y, z, conditioned: true).ToResult();
    }

    // Three paired label sequences: x not empty, y and z as long as x.
    private static void CheckTriple(int x, int y, int z)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        Guard.SameLength(x, z, nameof(x), nameof(z));
    }

    // G and degrees of freedom summed over the strata of z (one stratum when not conditioned).
    private static GStatistic ConditionalG<TX, TY, TZ>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, bool conditioned)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        int n = x.Length;
        int[] rented = ArrayPool<int>.Shared.Rent(3 * n);
        try
        {
            Span<int> cx = rented.AsSpan(0, n), cy = rented.AsSpan(n, n), cz = rented.AsSpan(2 * n, n);
            int kx = LabelCounting.Encode(x, cx, nameof(x));
            int ky = LabelCounting.Encode(y, cy, nameof(y));
            int kz = conditioned ? LabelCounting.Encode(z, cz, nameof(z)) : 1;
            if (!conditioned)
            {
                cz.Clear();
            }

            // Observations grouped by stratum, then one (X, Y) table per stratum over the labels it holds.
            var byStratum = new List<int>[kz];
            for (int i = 0; i < n; i++)
            {
                (byStratum[cz[i]] ??= []).Add(i);
            }

            var total = default(GStatistic);
            var rowOf = new Dictionary<int, int>();
            var columnOf = new Dictionary<int, int>();
            foreach (var members in byStratum)
            {
                if (members is null)
                {
                    continue;
                }

                rowOf.Clear();
                columnOf.Clear();
                foreach (int i in members)
                {
                    rowOf.TryAdd(cx[i], rowOf.Count);
                    columnOf.TryAdd(cy[i], columnOf.Count);
                }

                var counts = new long[rowOf.Count, columnOf.Count];
                foreach (int i in members)
                {
                    counts[rowOf[cx[i]], columnOf[cy[i]]]++;
                }

                total += StratumG(counts);
            }

            return total;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    // G = 2 Σ c ln(c·N / (r·s)) over the cells of one table, with (r − 1)(c − 1) over its nonempty rows and columns.
    private static GStatistic StratumG(long[,] counts)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var rowTotals = new long[rows];
        var columnTotals = new long[columns];
        long n = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                rowTotals[r] += counts[r, c];
                columnTotals[c] += counts[r, c];
                n += counts[r, c];
            }
        }

        // 2 Σ c ln(c·N / (r·s)) cell by cell, as scipy forms it: near independence the sums of c ln c that plug-in MI is made
        // of cancel to the last digits, while each ratio here is one rounding of exact integers (below 2^53).
        double g = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                long cell = counts[r, c];
                if (cell > 0)
                {
                    g += cell * Math.Log((double)cell * n / ((double)rowTotals[r] * columnTotals[c]));
                }
            }
        }

        int occupiedRows = rowTotals.Count(t => t > 0), occupiedColumns = columnTotals.Count(t => t > 0);
        return new GStatistic(Math.Max(2 * g, 0.0), Math.Max(occupiedRows - 1, 0) * Math.Max(occupiedColumns - 1, 0));
    }

    // <summary>A G statistic with its degrees of freedom; strata add.</summary>
    private readonly record struct GStatistic(double G, long DegreesOfFreedom)
    {
        public static GStatistic operator +(GStatistic a, GStatistic b) => new(a.G + b.G, a.DegreesOfFreedom + b.DegreesOfFreedom);

        public GTestResult ToResult()
        {
            int df = (int)Math.Min(DegreesOfFreedom, int.MaxValue);
            double p = df == 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, G / 2.0);
            return new GTestResult(G, df, Math.Clamp(p, 0.0, 1.0));
        }
    }
}
