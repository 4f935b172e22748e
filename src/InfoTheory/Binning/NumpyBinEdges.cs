using System.Buffers;

namespace InfoTheory.Binning;

// <summary>
// numpy's <c>histogram_bin_edges</c> (numpy/lib/_histograms_impl.py), operation for operation, so that every rule gives
// numpy's edges bit for bit: the same widths, the same ⌈range/width⌉, the same <c>linspace</c>.
// </summary>
// <remarks>
// Edges depend on the width only through the bin count, so the transcendental functions (log₂, pow, from the C
// library as numpy's own) matter only where range/width lands within rounding of an integer. Sums follow numpy's
// order exactly (pairwise in blocks of 8192, see <see cref="Sum"/>), so standard deviations and skewness agree too.
// </remarks>
internal static class NumpyBinEdges
{
    // <summary>The length of the chunks numpy's reductions hand to their inner loop (its default buffer size).</summary>
    private const int BufferSize = 8192;

    // <summary>The block below which numpy's pairwise summation adds eight running sums in sequence.</summary>
    private const int PairwiseBlock = 128;

    // <summary>The width numpy's rule gives <paramref name="data"/>; 0 where numpy's rule gives 0 (one bin).</summary>
    // <param name="kind">A numpy rule (not <see cref="BinningKind.EqualWidth"/>, <see cref="BinningKind.Quantile"/>, <see cref="BinningKind.Explicit"/>).</param>
    // <param name="data">The sample in its own order (sums depend on the order).</param>
    // <param name="sorted">The same sample sorted ascending (for percentiles and the range).</param>
    public static double Width(BinningKind kind, ReadOnlySpan<double> data, ReadOnlySpan<double> sorted)
    {
        double n = data.Length;
        double ptp = sorted[^1] - sorted[0];
        return kind switch
        {
            BinningKind.SquareRoot => ptp / Math.Sqrt(n),
            BinningKind.Sturges => ptp / (Math.Log2(n) + 1.0),
            BinningKind.Rice => ptp / (2.0 * Math.Pow(n, 1.0 / 3)),
            BinningKind.Scott => Math.Pow(24.0 * Math.Pow(Math.PI, 0.5) / n, 1.0 / 3.0) * StandardDeviation(data),
            BinningKind.Doane => DoaneWidth(data, ptp),
            BinningKind.FreedmanDiaconis => FreedmanDiaconisWidth(sorted),
            _ => Math.Min(Math.Max(FreedmanDiaconisWidth(sorted), ptp / Math.Sqrt(n) / 2), ptp / (Math.Log2(n) + 1.0)),
        };
    }

    // <summary>numpy's <c>int(np.ceil((last − first) / width))</c>, or 1 for a zero width; +∞ when the quotient overflows.</summary>
    public static double BinCount(double first, double last, double width) => width == 0 ? 1 : Math.Ceiling((last - first) / width);

    // <summary><c>np.linspace(first, last, count)</c>: first + i·step with step = (last − first)/(count − 1), the last value exactly <paramref name="last"/>.</summary>
    // <remarks>When the step underflows to 0 numpy computes (i/(count − 1))·(last − first) + first instead (its gh-5437); so does this.</remarks>
    public static double[] Linspace(double first, double last, int count)
    {
        var y = new double[count];
        int div = count - 1;
        double delta = last - first;
        double step = delta / div;
        for (int i = 0; i < count; i++)
        {
            y[i] = (step == 0 ? i / (double)div * delta : i * step) + first;
        }

        y[^1] = last;
        return y;
    }

    // <summary><c>np.percentile(sorted, 100·q)</c> with numpy's default linear interpolation, for q in [0, 1].</summary>
    // <remarks>
    // numpy's <c>_quantile</c>: virtual index v = (n − 1)·q, neighbours ⌊v⌋ and ⌊v⌋ + 1 (the last element when
    // v ≥ n − 1), γ = v − ⌊v⌋, and its <c>_lerp</c>: a + (b − a)·γ below γ = ½, b − (b − a)·(1 − γ) from ½ on.
    // </remarks>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        double v = (sorted.Length - 1) * q;
        if (v >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double below = Math.Floor(v);
        double gamma = v - below;
        double a = sorted[(int)below], b = sorted[(int)below + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - (diff * (1 - gamma)) : a + (diff * gamma);
    }

    // <summary><c>np.sum(values)</c> for a contiguous float64 array, in numpy's order.</summary>
    // <remarks>
    // The reduction feeds its inner loop chunks of <see cref="BufferSize"/> elements and adds each chunk's pairwise sum
    // to the running total; checked against numpy 1.24 on lengths 1 … 300, 8191 … 8193, 10⁵ and 10⁶ + 3.
    // </remarks>
    public static double Sum(ReadOnlySpan<double> values)
    {
        double total = -0.0;
        for (int start = 0; start < values.Length; start += BufferSize)
        {
            total += PairwiseSum(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        }

        return total;
    }

    // <summary><c>np.std(values)</c>: √(Σ(x − x̄)²/n), x̄ and the sum of squares summed as numpy sums.</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(values.Length);
        Span<double> squares = rented.AsSpan(0, values.Length);
        double mean = Sum(values) / values.Length;
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares[i] = d * d;
        }

        double sd = Math.Sqrt(Sum(squares) / values.Length);
        ArrayPool<double>.Shared.Return(rented);
        return sd;
    }

    // <summary>numpy's <c>pairwise_sum_DOUBLE</c> (numpy/_core/src/umath/loops_utils.h.src), unchanged.</summary>
    private static double PairwiseSum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = -0.0;
            for (int i = 0; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        if (n <= PairwiseBlock)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }

            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += a[i];
            }

            return res;
        }

        int half = n / 2;
        half -= half % 8;
        return PairwiseSum(a[..half]) + PairwiseSum(a[half..]);
    }

    private static double FreedmanDiaconisWidth(ReadOnlySpan<double> sorted)
    {
        double iqr = Percentile(sorted, 0.75) - Percentile(sorted, 0.25);
        return 2.0 * iqr * Math.Pow(sorted.Length, -1.0 / 3.0);
    }

    private static double DoaneWidth(ReadOnlySpan<double> data, double ptp)
    {
        int n = data.Length;
        if (n <= 2)
        {
            return 0.0;
        }

        double sg1 = Math.Sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
        double sigma = StandardDeviation(data);
        if (!(sigma > 0.0))
        {
            return 0.0;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(n);
        Span<double> cubes = rented.AsSpan(0, n);
        double mean = Sum(data) / n;
        for (int i = 0; i < n; i++)
        {
            cubes[i] = Math.Pow((data[i] - mean) / sigma, 3);
        }

        double g1 = Sum(cubes) / n;
        ArrayPool<double>.Shared.Return(rented);
        return ptp / (1.0 + Math.Log2(n) + Math.Log2(1.0 + (Math.Abs(g1) / sg1)));
    }
}
