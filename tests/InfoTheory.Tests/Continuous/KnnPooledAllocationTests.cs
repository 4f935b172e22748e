using InfoTheory.Continuous;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Runs alone: the pooled paths rent from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which every test running beside
/// them shares, so a parallel test can hold the very array a warm call would get back and make it allocate a fresh one.
/// </summary>
[CollectionDefinition(nameof(KnnPoolGroup), DisableParallelization = true)]
public sealed class KnnPoolGroup;

[Collection(nameof(KnnPoolGroup))]
public class KnnPooledAllocationTests
{
    [Fact]
    public void KullbackLeibler_DefaultNormOnOneCore_AllocatesNothingPerPoint()
    {
        // The default norm takes the pooled path, whose buffers come back to the pool: a warm call allocates a few
        // kilobytes whatever the size, where the general path copies both sets and two arrays of terms (hundreds of kilobytes
        // here). The least of three calls is kept, because a gen-2 collection may trim the pool between two calls; a
        // real per-point allocation shows in every call.
        KnnOptions.Default.Norm.Should().Be(DistanceNorm.Euclidean);
        var rng = new Random(9);
        var options = new KnnOptions { MaxDegreeOfParallelism = 1 };
        foreach (int d in new[] { 1, 2 })
        {
            double[] x = [.. Enumerable.Range(0, 20_000 * d).Select(_ => Normal(rng))];
            double[] y = [.. Enumerable.Range(0, 20_000 * d).Select(_ => 2 * Normal(rng))];
            var warm = Knn.KullbackLeibler(x, y, d, 3, options);

            long least = long.MaxValue;
            for (int call = 0; call < 3; call++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var estimate = Knn.KullbackLeibler(x, y, d, 3, options);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
                estimate.Should().Be(warm);
            }

            least.Should().BeLessThan(64 * 1024);
        }
    }
}
