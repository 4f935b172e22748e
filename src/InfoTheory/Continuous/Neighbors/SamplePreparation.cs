using InfoTheory.Internal;

namespace InfoTheory.Continuous.Neighbors;

// <summary>Copies caller samples into flat row-major buffers and applies the explicit <see cref="KnnOptions"/> transforms.</summary>
internal static class SamplePreparation
{
    // <summary>Validates a matrix of samples (rows are points) and returns a flat copy.</summary>
    public static double[] Flatten(double[,] samples, string paramName)
    {
        Guard.Samples(samples, paramName);
        int rows = samples.GetLength(0), d = samples.GetLength(1);
        var flat = new double[rows * d];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < d; j++)
            {
                flat[(i * d) + j] = samples[i, j];
            }
        }

        return flat;
    }

    // <summary>Validates a flat point set and returns a copy.</summary>
    public static double[] Copy(ReadOnlySpan<double> samples, int dimension, string paramName, string dimensionName)
    {
        Guard.Samples(samples, dimension, paramName, dimensionName);
        return samples.ToArray();
    }

    // <summary>
    // Column means and scales (sample standard deviations, 1 for a column without spread), computed in a
    // power-of-two unit per column (the column's largest magnitude brought into [1, 2)) so that neither the
    // sums nor the squared deviations overflow, even for data near ±1.8e308.
    // </summary>
    // <remarks>
    // Scaling by a power of two commutes with rounding, so for data whose plain sums do not overflow the
    // standardised values are bit for bit those of the textbook formula (v − mean) / sd.
    // </remarks>
    public static ColumnScaling ColumnStatistics(double[] points, int dimension)
    {
        int rows = points.Length / dimension;
        var means = new double[dimension];
        var scales = new double[dimension];
        var exponents = new int[dimension];
        for (int j = 0; j < dimension; j++)
        {
            double largest = 0;
            for (int i = 0; i < rows; i++)
            {
                largest = Math.Max(largest, Math.Abs(points[(i * dimension) + j]));
            }

            exponents[j] = largest > 0 ? -Math.ILogB(largest) : 0;
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < dimension; j++)
            {
                means[j] += Math.ScaleB(points[(i * dimension) + j], exponents[j]);
            }
        }

        for (int j = 0; j < dimension; j++)
        {
            means[j] /= rows;
        }

        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < dimension; j++)
            {
                double c = Math.ScaleB(points[(i * dimension) + j], exponents[j]) - means[j];
                scales[j] += c * c;
            }
        }

        for (int j = 0; j < dimension; j++)
        {
            double sd = rows > 1 ? Math.Sqrt(scales[j] / (rows - 1)) : 0.0;
            if (sd > 0)
            {
                scales[j] = sd;
            }
            else
            {
                // A column without spread is only centred, in its own unit.
                means[j] = Math.ScaleB(means[j], -exponents[j]);
                scales[j] = 1.0;
                exponents[j] = 0;
            }
        }

        return new ColumnScaling(means, scales, exponents);
    }

    // <summary>Replaces every coordinate v by (v − mean) / scale, in place; false if a result overflows (only possible with another set's statistics).</summary>
    public static bool Apply(double[] points, int dimension, ColumnScaling statistics)
    {
        bool finite = true;
        for (int k = 0; k < points.Length; k++)
        {
            int j = k % dimension;
            points[k] = (Math.ScaleB(points[k], statistics.Exponents[j]) - statistics.Means[j]) / statistics.Scales[j];
            finite &= double.IsFinite(points[k]);
        }

        return finite;
    }

    // <summary>
    // Multiplies every coordinate of all <paramref name="sets"/> by one power of two 2ˢ, the smallest change that
    // brings their largest magnitude M into the range where <paramref name="norm"/>'s keys can neither overflow nor,
    // for the Euclidean norm, lose the precision of distances down to 2⁻²⁵⁵·M; returns s (0, and nothing touched, for
    // ordinary data).
    // </summary>
    // <remarks>
    // Euclidean keys are squared distances, so M must stay within [2⁻²⁵⁶, 2²⁵⁶]; maximum-norm keys are plain
    // differences, which overflow only when M reaches 2¹⁰²³. A power of two changes no rounding, so every
    // estimate moves exactly as the scale says (h by d·s·ln 2, mutual information and divergence not at all).
    // </remarks>
    public static int ScaleIntoRange(DistanceNorm norm, params ReadOnlySpan<double[]> sets)
    {
        double largest = 0;
        foreach (double[] set in sets)
        {
            foreach (double v in set)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        if (largest == 0)
        {
            return 0;
        }

        int shift = Shift(norm, largest);
        if (shift != 0)
        {
            foreach (double[] set in sets)
            {
                for (int i = 0; i < set.Length; i++)
                {
                    set[i] = Math.ScaleB(set[i], shift);
                }
            }
        }

        return shift;
    }

    // <summary>As <see cref="ScaleIntoRange(DistanceNorm, ReadOnlySpan{double[]})"/> for one or two sets held as spans (pooled buffers); <paramref name="second"/> may be empty.</summary>
    public static int ScaleIntoRange(DistanceNorm norm, Span<double> first, Span<double> second)
    {
        double largest = 0;
        foreach (double v in first)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        foreach (double v in second)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        int shift = largest == 0 ? 0 : Shift(norm, largest);
        if (shift != 0)
        {
            for (int i = 0; i < first.Length; i++)
            {
                first[i] = Math.ScaleB(first[i], shift);
            }

            for (int i = 0; i < second.Length; i++)
            {
                second[i] = Math.ScaleB(second[i], shift);
            }
        }

        return shift;
    }

    // The power of two that brings a largest magnitude into the norm's safe range (0 when it already lies there).
    private static int Shift(DistanceNorm norm, double largest)
    {
        int exponent = Math.ILogB(largest);
        int high = norm == DistanceNorm.Euclidean ? 255 : 1021;
        int low = norm == DistanceNorm.Euclidean ? -256 : int.MinValue;
        return exponent > high ? high - exponent : exponent < low ? low - exponent : 0;
    }

    // <summary>Adds N(0, <paramref name="standardDeviation"/>²) noise to every coordinate from <paramref name="random"/>, in place.</summary>
    // <exception cref="ArgumentException">The noise takes a coordinate past ±1.8e308 (names options.Jitter).</exception>
    public static void AddJitter(double[] points, double standardDeviation, Random random)
    {
        if (standardDeviation == 0)
        {
            return;
        }

        var noise = new double[points.Length];
        NormalSampler.Fill(random, noise);
        bool finite = true;
        for (int k = 0; k < points.Length; k++)
        {
            points[k] += standardDeviation * noise[k];
            finite &= double.IsFinite(points[k]);
        }

        Guard.JitteredFinite(finite, standardDeviation, "options.Jitter");
    }

    // <summary>
    // Builds the neighbour index the options ask for: a sorted array stands in for the tree in one dimension, a uniform
    // grid in two unless the points crowd a few of its cells.
    // </summary>
    public static INeighborIndex Index(double[] points, int dimension, DistanceNorm norm, NeighborSearch search)
        => search == NeighborSearch.BruteForce ? new BruteForceIndex(points, dimension, norm)
            : dimension == 1 ? new SortedLineIndex(points, norm)
            : (dimension == 2 ? PlaneGrid.TryCreate(points, norm) : null) ?? (INeighborIndex)new KdTree(points, dimension, norm);

    // <summary>Places the rows of two equally long point sets side by side.</summary>
    public static double[] Concatenate(double[] a, int da, double[] b, int db)
    {
        int rows = a.Length / da;
        var joint = new double[rows * (da + db)];
        for (int i = 0; i < rows; i++)
        {
            a.AsSpan(i * da, da).CopyTo(joint.AsSpan(i * (da + db)));
            b.AsSpan(i * db, db).CopyTo(joint.AsSpan((i * (da + db)) + da));
        }

        return joint;
    }
}
