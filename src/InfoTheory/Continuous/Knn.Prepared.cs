using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Continuous;

/// <content>
/// The mutual-information estimators split into preparation (validation, standardisation, jitter, the tie checks and the
/// indexes of the spaces a shuffle leaves alone) and the estimate itself, so that a permutation test prepares once and
/// then only rebuilds the joint spaces of each shuffle.
/// </content>
public static partial class Knn
{
    // <summary>
    // Prepares two paired point sets for KSG (<paramref name="untied"/>: ties in a marginal rejected) or the mixture
    // estimator: standardised, jittered and scaled in place, with the marginal indexes, which a shuffle of the rows of
    // one set against the other does not change.
    // </summary>
    internal static PreparedPair PreparePair(double[] xs, int dx, Operand xRole, double[] ys, int dy, Operand yRole, int k, KnnOptions options, bool untied)
    {
        int n = xs.Length / dx;
        Guard.NeighborOrder(k, n - 1, nameof(k), xRole.Name);
        Prepare(options, (xs, dx), (ys, dy));
        SamplePreparation.ScaleIntoRange(DistanceNorm.Maximum, xs, ys);
        if (untied)
        {
            // A tie in the joint space is a tie in both marginals, so checking the marginals covers it.
            Guard.Untied(xs, dx, k, xRole.Name, $"{xRole.Description}, where KSG counts neighbours");
            Guard.Untied(ys, dy, k, yRole.Name, $"{yRole.Description}, where KSG counts neighbours");
        }

        var xIndex = SamplePreparation.Index(xs, dx, DistanceNorm.Maximum, options.Search);
        var yIndex = SamplePreparation.Index(ys, dy, DistanceNorm.Maximum, options.Search);
        return new PreparedPair(xs, dx, xIndex, ys, dy, yIndex, k, options);
    }

    // <summary>
    // Prepares three point sets for Frenzel–Pompe: standardised, jittered, scaled, Z checked for ties, with the indexes of
    // Z and (Y, Z), which a shuffle of the rows of X does not change.
    // </summary>
    internal static PreparedConditional PrepareConditional(double[] xs, int dx, double[] ys, int dy, double[] zs, int dz, int k, KnnOptions options)
    {
        int n = xs.Length / dx;
        Guard.NeighborOrder(k, n - 1, nameof(k), "x");
        Prepare(options, (xs, dx), (ys, dy), (zs, dz));
        SamplePreparation.ScaleIntoRange(DistanceNorm.Maximum, xs, ys, zs);

        // A tie in (X, Z), (Y, Z) or the joint space is also a tie in Z, so checking Z covers every space used.
        Guard.Untied(zs, dz, k, "z", "Z, the conditioning space where Frenzel–Pompe counts neighbours");
        double[] yz = SamplePreparation.Concatenate(ys, dy, zs, dz);
        var yzIndex = SamplePreparation.Index(yz, dy + dz, DistanceNorm.Maximum, options.Search);
        var zIndex = SamplePreparation.Index(zs, dz, DistanceNorm.Maximum, options.Search);
        return new PreparedConditional(xs, dx, ys, dy, zs, dz, yz, yzIndex, zIndex, k, options);
    }

    // <summary>
    // Throws when a shuffle of <paramref name="codes"/> could tie Ross's estimator: some row of <paramref name="xs"/>
    // coincides with as many other rows as the smallest neighbour order min(k, N_ℓ − 1) of a label that is used.
    // </summary>
    internal static void UntiedUnderShuffles(double[] xs, int d, ReadOnlySpan<int> codes, int classes, int k, Operand xRole)
    {
        var sizes = new int[classes];
        foreach (int c in codes)
        {
            sizes[c]++;
        }

        int order = k;
        foreach (int size in sizes)
        {
            order = size > 1 ? Math.Min(order, size - 1) : order;
        }

        Guard.Untied(xs, d, order, xRole.Name, $"{xRole.Description}, where a shuffle of the labels can gather a value's copies into one label for Ross's k-th neighbour");
    }

    // <summary>KSG on a prepared pair whose Y rows are <paramref name="ys"/> (the prepared ones, or a shuffle of them).</summary>
    internal static Estimate KsgEstimate(PreparedPair pair, double[] ys, int maxDegreeOfParallelism)
    {
        var (xs, dx, dy, k) = (pair.X, pair.XDimension, pair.YDimension, pair.K);
        var (xIndex, yIndex) = (pair.XIndex, pair.YIndex);
        int n = xs.Length / dx, dj = dx + dy;
        var (joint, jointIndex) = JointSpace(pair, ys);

        // A joint plane grid (scalar pairs) rents its arrays: returned after the queries, they serve the next shuffle or estimate.
        using var release = jointIndex as IDisposable;
        bool first = pair.Options.Algorithm == KsgAlgorithm.One;

        // A 1-D marginal counts from the query row's own place in its sorted array; Y only when its rows are the indexed ones.
        var xLine = xIndex as SortedLineIndex;
        var yLine = ReferenceEquals(ys, pair.Y) ? yIndex as SortedLineIndex : null;
        var terms = new double[n];
        ForEachPoint(jointIndex, k, maxDegreeOfParallelism, (i, keys, rows) =>
        {
            var xi = xs.AsSpan(i * dx, dx);
            var yi = ys.AsSpan(i * dy, dy);
            jointIndex.Nearest(joint.AsSpan(i * dj, dj), i, keys, rows);
            if (first)
            {
                double epsilon = keys[^1];
                int self = epsilon > 0 ? 1 : 0;
                int nx = (xLine?.CountWithinRow(i, epsilon, inclusive: false) ?? xIndex.CountWithin(xi, epsilon, inclusive: false)) - self;
                int ny = (yLine?.CountWithinRow(i, epsilon, inclusive: false) ?? yIndex.CountWithin(yi, epsilon, inclusive: false)) - self;
                terms[i] = SpecialFunctions.DiGamma(nx + 1) + SpecialFunctions.DiGamma(ny + 1);
            }
            else
            {
                double ex = 0, ey = 0;
                foreach (int j in rows)
                {
                    ex = Math.Max(ex, Metric.Key(xi, xs.AsSpan(j * dx, dx), DistanceNorm.Maximum));
                    ey = Math.Max(ey, Metric.Key(yi, ys.AsSpan(j * dy, dy), DistanceNorm.Maximum));
                }

                int nx = (xLine?.CountWithinRow(i, ex, inclusive: true) ?? xIndex.CountWithin(xi, ex, inclusive: true)) - 1;
                int ny = (yLine?.CountWithinRow(i, ey, inclusive: true) ?? yIndex.CountWithin(yi, ey, inclusive: true)) - 1;
                terms[i] = SpecialFunctions.DiGamma(nx) + SpecialFunctions.DiGamma(ny);
            }
        });

        double offset = SpecialFunctions.DiGamma(k) + SpecialFunctions.DiGamma(n) - (first ? 0.0 : 1.0 / k);
        return Summarize(terms, offset, -1.0, pair.Options.Unit);
    }

    // <summary>Gao–Kannan–Oh–Viswanath on a prepared pair whose Y rows are <paramref name="ys"/>.</summary>
    internal static Estimate MixtureEstimate(PreparedPair pair, double[] ys, int maxDegreeOfParallelism)
    {
        var (xs, dx, dy, k) = (pair.X, pair.XDimension, pair.YDimension, pair.K);
        var (xIndex, yIndex) = (pair.XIndex, pair.YIndex);
        int n = xs.Length / dx, dj = dx + dy;
        var (joint, jointIndex) = JointSpace(pair, ys);

        // As in KsgEstimate: a joint plane grid goes back to the pool after the queries.
        using var release = jointIndex as IDisposable;
        var terms = new double[n];
        ForEachPoint(jointIndex, k, maxDegreeOfParallelism, (i, keys, rows) =>
        {
            var point = joint.AsSpan(i * dj, dj);

            // Counting the copies first spares an atom's rows the neighbour search, whose cost grows with the ties it meets.
            int copies = jointIndex.CountWithin(point, 0.0, inclusive: true);
            bool atom = copies > k;
            double rho = 0.0;
            if (!atom)
            {
                jointIndex.Nearest(point, i, keys, rows);
                rho = keys[^1];
            }

            // On an atom the marginal counts are its copies (≤ 0); off one, the rows strictly inside ρ > 0. Both include row i.
            int nx = xIndex.CountWithin(xs.AsSpan(i * dx, dx), rho, inclusive: atom);
            int ny = yIndex.CountWithin(ys.AsSpan(i * dy, dy), rho, inclusive: atom);
            terms[i] = SpecialFunctions.DiGamma(atom ? copies : k) - SpecialFunctions.DiGamma(nx) - SpecialFunctions.DiGamma(ny);
        });

        return Summarize(terms, Math.Log(n), 1.0, pair.Options.Unit);
    }

    // The joint (X, Y) rows of a prepared pair with Y's rows as given, and their maximum-norm index.
    private static (double[] Joint, INeighborIndex Index) JointSpace(PreparedPair pair, double[] ys)
    {
        double[] joint = SamplePreparation.Concatenate(pair.X, pair.XDimension, ys, pair.YDimension);
        return (joint, SamplePreparation.Index(joint, pair.XDimension + pair.YDimension, DistanceNorm.Maximum, pair.Options.Search));
    }

    // <summary>Frenzel–Pompe on prepared sets whose X rows are <paramref name="xs"/> (the prepared ones, or a shuffle of them).</summary>
    internal static Estimate FrenzelPompeEstimate(PreparedConditional sets, double[] xs, int maxDegreeOfParallelism)
    {
        var (dx, dy, zs, dz, k) = (sets.XDimension, sets.YDimension, sets.Z, sets.ZDimension, sets.K);
        var (yz, yzIndex, zIndex) = (sets.YZ, sets.YZIndex, sets.ZIndex);
        int n = xs.Length / dx;
        double[] xz = SamplePreparation.Concatenate(xs, dx, zs, dz);
        double[] joint = SamplePreparation.Concatenate(xz, dx + dz, sets.Y, dy);
        int dj = dx + dy + dz;
        var jointIndex = SamplePreparation.Index(joint, dj, DistanceNorm.Maximum, sets.Options.Search);
        var xzIndex = SamplePreparation.Index(xz, dx + dz, DistanceNorm.Maximum, sets.Options.Search);

        // The (X, Z) index is a plane grid when both are scalar, and rents its arrays: returned after the queries, they serve
        // the next shuffle or estimate.
        using var releaseXZ = xzIndex as IDisposable;
        var terms = new double[n];
        ForEachPoint(jointIndex, k, maxDegreeOfParallelism, (i, keys, rows) =>
        {
            jointIndex.Nearest(joint.AsSpan(i * dj, dj), i, keys, rows);
            double epsilon = keys[^1];
            int self = epsilon > 0 ? 1 : 0;
            int nxz = xzIndex.CountWithin(xz.AsSpan(i * (dx + dz), dx + dz), epsilon, inclusive: false) - self;
            int nyz = yzIndex.CountWithin(yz.AsSpan(i * (dy + dz), dy + dz), epsilon, inclusive: false) - self;
            int nz = zIndex.CountWithin(zs.AsSpan(i * dz, dz), epsilon, inclusive: false) - self;
            terms[i] = SpecialFunctions.DiGamma(nxz + 1) + SpecialFunctions.DiGamma(nyz + 1) - SpecialFunctions.DiGamma(nz + 1);
        });

        return Summarize(terms, SpecialFunctions.DiGamma(k), -1.0, sets.Options.Unit);
    }

    // <summary>Two prepared paired point sets and the indexes of their marginals.</summary>
    internal sealed record PreparedPair(
        double[] X, int XDimension, INeighborIndex XIndex, double[] Y, int YDimension, INeighborIndex YIndex, int K, KnnOptions Options);

    // <summary>Three prepared point sets with (Y, Z) side by side and the indexes of Z and (Y, Z).</summary>
    internal sealed record PreparedConditional(
        double[] X, int XDimension, double[] Y, int YDimension, double[] Z, int ZDimension,
        double[] YZ, INeighborIndex YZIndex, INeighborIndex ZIndex, int K, KnnOptions Options);
}
