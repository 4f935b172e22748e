using InfoTheory.Internal;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>Copies caller samples into flat row-major buffers and applies the explicit <see cref="KnnOptions"/> transforms.</summary>
internal static class SamplePreparation
{
    /// <summary>Validates a matrix of samples (rows are points) and returns a flat copy.</summary>
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

    /// <summary>Validates a flat point set and returns a copy.</summary>
    public static double[] Copy(ReadOnlySpan<double> samples, int dimension, string paramName, string dimensionName)
    {
        Guard.Samples(samples, dimension, paramName, dimensionName);
        return samples.ToArray();
    }

    /// <summary>Column means and scales (sample standard deviations, 1 for a column without spread).</summary>
    public static (double[] Means, double[] Scales) ColumnStatistics(double[] points, int dimension)
    {
        int rows = points.Length / dimension;
        var means = new double[dimension];
        var scales = new double[dimension];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < dimension; j++)
            {
                means[j] += points[(i * dimension) + j];
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
                double c = points[(i * dimension) + j] - means[j];
                scales[j] += c * c;
            }
        }

        for (int j = 0; j < dimension; j++)
        {
            double sd = rows > 1 ? Math.Sqrt(scales[j] / (rows - 1)) : 0.0;
            scales[j] = sd > 0 ? sd : 1.0;
        }

        return (means, scales);
    }

    /// <summary>Replaces every coordinate v by (v − mean) / scale, in place.</summary>
    public static void Apply(double[] points, int dimension, double[] means, double[] scales)
    {
        for (int k = 0; k < points.Length; k++)
        {
            int j = k % dimension;
            points[k] = (points[k] - means[j]) / scales[j];
        }
    }

    /// <summary>Adds N(0, <paramref name="standardDeviation"/>²) noise to every coordinate from <paramref name="random"/>, in place.</summary>
    public static void AddJitter(double[] points, double standardDeviation, Random random)
    {
        if (standardDeviation == 0)
        {
            return;
        }

        var noise = new double[points.Length];
        StandardNormal.Fill(random, noise);
        for (int k = 0; k < points.Length; k++)
        {
            points[k] += standardDeviation * noise[k];
        }
    }

    /// <summary>Builds the neighbour index the options ask for (a sorted array stands in for the tree in one dimension).</summary>
    public static INeighborIndex Index(double[] points, int dimension, DistanceNorm norm, NeighborSearch search)
        => search == NeighborSearch.BruteForce ? new BruteForceIndex(points, dimension, norm)
            : dimension == 1 ? new SortedLineIndex(points, norm)
            : new KdTree(points, dimension, norm);

    /// <summary>Places the rows of two equally long point sets side by side.</summary>
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
