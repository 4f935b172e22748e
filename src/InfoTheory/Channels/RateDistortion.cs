using System.Numerics.Tensors;
using InfoTheory.Internal;

namespace InfoTheory.Channels;

/// <summary>The rate–distortion function R(D) of a discrete source under a distortion measure, traced by Blahut's algorithm along the slope of the curve.</summary>
/// <remarks>
/// R(D) = min I(X; X̂) over test channels q(x̂|x) with E d(X, X̂) ≤ D (Shannon 1959; Cover and Thomas, "Elements of Information
/// Theory", 2nd ed., ch. 10). R is convex and decreasing, so each slope s &lt; 0 picks one point: the minimiser of I − s·D.
/// Blahut's algorithm (R. E. Blahut, "Computation of channel capacity and rate-distortion functions", IEEE Trans. Inf. Theory 18(4),
/// 1972, Theorems 6–8) alternates q(x̂|x) ∝ q(x̂)·e^{s·d(x, x̂)} and q(x̂) = Σ_x p(x) q(x̂|x) from the uniform q(x̂).
/// </remarks>
public static class RateDistortion
{
    // q(x̂) is kept at least this large, so the normaliser Σ q(x̂)·e^{s·d} of every source symbol stays positive; Blahut's bounds
    // hold for any positive q, so the floor only keeps a vanishing reproduction from underflowing to an exact 0.
    private const double ReproductionFloor = 1e-300;

    /// <summary>The point (D, R) of the rate–distortion curve where its slope is <paramref name="slope"/>, with its test channel.</summary>
    /// <remarks>
    /// With A(x, x̂) = e^{s·(d(x, x̂) − min_x̂ d(x, ·))} (the row shift cancels and keeps every row's largest term 1) and
    /// c(x̂) = Σ_x p(x) A(x, x̂) / Σ_x̂′ q(x̂′) A(x, x̂′), an iteration sets q(x̂) ← q(x̂)·c(x̂). It stops when
    /// max_x̂ log c(x̂) − Σ_x̂ q(x̂) c(x̂) log c(x̂) ≤ <see cref="ConvergenceOptions.Tolerance"/> nats: that is the gap between the rate of
    /// the test channel q(x̂|x) = q(x̂) A(x, x̂) / Σ q A and Blahut's lower bound on R at its distortion. Each iteration is one
    /// vectorised dot product and one multiply-add per source symbol and allocates nothing.
    /// </remarks>
    /// <param name="source">The source distribution p(x): a probability vector.</param>
    /// <param name="distortion">The distortion d(x, x̂) ≥ 0, finite: one row per source symbol, one column per reproduction symbol.</param>
    /// <param name="slope">The slope s of R(D), finite and &lt; 0, in nats per unit of distortion; steeper slopes give smaller distortions.</param>
    /// <param name="unit">The unit of the rate; nats by default.</param>
    /// <param name="options">The tolerance on the gap (in nats) and the iteration cap; <see cref="ConvergenceOptions.Default"/> when null.</param>
    /// <returns>The distortion, the rate in <paramref name="unit"/>, its lower bound, the test channel, the iterations and whether the gap met the tolerance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distortion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a probability vector, or <paramref name="distortion"/> has no columns, not one row per source symbol, or an entry (named by [row,column]) negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slope"/> is not finite and negative, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static RateDistortionPoint AtSlope(ReadOnlySpan<double> source, double[,] distortion, double slope, LogBase unit = LogBase.Nats, ConvergenceOptions? options = null)
    {
        double[] d = Validate(source, distortion, unit, out int reproductions);
        Guard.Negative(slope, nameof(slope));
        return Solve(source, d, reproductions, slope, unit, options ?? ConvergenceOptions.Default);
    }

    /// <summary>Points of the rate–distortion curve, one per slope, each as <see cref="AtSlope"/> computes it.</summary>
    /// <remarks>Every point starts from the uniform q(x̂), so a point does not depend on the other slopes or their order.</remarks>
    /// <param name="source">The source distribution p(x): a probability vector.</param>
    /// <param name="distortion">The distortion d(x, x̂) ≥ 0, finite: one row per source symbol, one column per reproduction symbol.</param>
    /// <param name="slopes">The slopes s, each finite and &lt; 0, in nats per unit of distortion.</param>
    /// <param name="unit">The unit of the rates; nats by default.</param>
    /// <param name="options">The tolerance on the gap (in nats) and the iteration cap; <see cref="ConvergenceOptions.Default"/> when null.</param>
    /// <returns>One point per slope, in the order of <paramref name="slopes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distortion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a probability vector, <paramref name="distortion"/> has no columns, not one row per source symbol, or an entry negative, NaN or infinite, or <paramref name="slopes"/> is empty or has an entry (named by its index) that is not finite and negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static IReadOnlyList<RateDistortionPoint> Curve(ReadOnlySpan<double> source, double[,] distortion, ReadOnlySpan<double> slopes, LogBase unit = LogBase.Nats, ConvergenceOptions? options = null)
    {
        double[] d = Validate(source, distortion, unit, out int reproductions);
        Guard.NotEmpty(slopes.Length, nameof(slopes));
        for (int i = 0; i < slopes.Length; i++)
        {
            if (!(slopes[i] < 0) || !double.IsFinite(slopes[i]))
            {
                throw new ArgumentException($"slopes[{i}] is {Guard.Format(slopes[i])}; slopes must be finite and < 0.", nameof(slopes));
            }
        }

        options ??= ConvergenceOptions.Default;
        var points = new RateDistortionPoint[slopes.Length];
        for (int i = 0; i < slopes.Length; i++)
        {
            points[i] = Solve(source, d, reproductions, slopes[i], unit, options);
        }

        return points;
    }

    private static double[] Validate(ReadOnlySpan<double> source, double[,] distortion, LogBase unit, out int reproductions)
    {
        Units.NatsPerUnit(unit);
        Guard.Probabilities(source, nameof(source));
        ArgumentNullException.ThrowIfNull(distortion);
        int rows = distortion.GetLength(0);
        reproductions = distortion.GetLength(1);
        Guard.TableShape(rows, reproductions, nameof(distortion));
        if (rows != source.Length)
        {
            throw new ArgumentException(
                $"distortion has {rows} rows but source has {source.Length} symbols; it needs one row per source symbol.", nameof(distortion));
        }

        double[] flat = RowMajor.Copy(distortion);

        Guard.NonNegativeTable(flat, reproductions, nameof(distortion), "distortions");
        return flat;
    }

    private static RateDistortionPoint Solve(ReadOnlySpan<double> p, double[] d, int m, double slope, LogBase unit, ConvergenceOptions options)
    {
        int n = p.Length;
        var a = new double[n * m];
        var normaliser = new double[n];
        for (int x = 0; x < n; x++)
        {
            Span<double> row = a.AsSpan(x * m, m);
            ReadOnlySpan<double> dRow = d.AsSpan(x * m, m);
            TensorPrimitives.Subtract(dRow, TensorPrimitives.Min(dRow), row);
            TensorPrimitives.Multiply(row, slope, row);
            TensorPrimitives.Exp(row, row);
        }

        var q = new double[m];
        var next = new double[m];
        q.AsSpan().Fill(1.0 / m);
        int iteration = 0;
        bool converged;
        while (true)
        {
            iteration++;
            next.AsSpan().Clear();
            for (int x = 0; x < n; x++)
            {
                ReadOnlySpan<double> row = a.AsSpan(x * m, m);
                normaliser[x] = TensorPrimitives.Dot(row, q);
                if (p[x] > 0)
                {
                    TensorPrimitives.MultiplyAdd(row, p[x] / normaliser[x], next, next);
                }
            }

            // next holds c(x̂) now; the gap of Blahut's bounds, then q·c is the output distribution of the test channel.
            double largest = double.NegativeInfinity, average = 0;
            for (int j = 0; j < m; j++)
            {
                double logC = Math.Log(next[j]);
                largest = Math.Max(largest, logC);
                if (q[j] * next[j] > 0)
                {
                    average += q[j] * next[j] * logC;
                }
            }

            double gap = Math.Max(largest - average, 0.0);
            converged = gap <= options.Tolerance;
            if (converged || iteration >= options.MaxIterations)
            {
                return Point(p, d, a, q, normaliser, m, slope, gap, iteration, converged, unit);
            }

            TensorPrimitives.Multiply(q, next, q);
            TensorPrimitives.Max(q, ReproductionFloor, q);
            TensorPrimitives.Divide(q, TensorPrimitives.Sum<double>(q), q);
        }
    }

    // <summary>The test channel q(x̂|x) = q(x̂) A(x, x̂) / Σ q A of the last iteration, its distortion and its rate against its own output distribution.</summary>
    private static RateDistortionPoint Point(
        ReadOnlySpan<double> p, double[] d, double[] a, double[] q, double[] normaliser, int m, double slope, double gap, int iterations, bool converged, LogBase unit)
    {
        int n = p.Length;
        var channel = new double[n * m];
        var output = new double[m];
        double distortion = 0;
        for (int x = 0; x < n; x++)
        {
            Span<double> row = channel.AsSpan(x * m, m);
            TensorPrimitives.Multiply(a.AsSpan(x * m, m), q, row);
            TensorPrimitives.Divide(row, normaliser[x], row);
            if (p[x] > 0)
            {
                distortion += p[x] * TensorPrimitives.Dot(row, d.AsSpan(x * m, m));
                TensorPrimitives.MultiplyAdd(row, p[x], output, output);
            }
        }

        double rate = 0;
        for (int x = 0; x < n; x++)
        {
            if (p[x] > 0)
            {
                rate += p[x] * Channel.RowDivergence(channel.AsSpan(x * m, m), output);
            }
        }

        rate = Math.Max(rate, 0.0);
        double natsPerUnit = Units.NatsPerUnit(unit);
        return new RateDistortionPoint(
            slope, distortion, rate / natsPerUnit, Math.Max(rate - gap, 0.0) / natsPerUnit, Channel.Trusted(channel, n, m), iterations, converged, unit);
    }
}
