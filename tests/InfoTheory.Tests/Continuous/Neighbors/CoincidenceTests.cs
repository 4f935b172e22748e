using CsCheck;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class CoincidenceTests
{
    [Fact]
    public void Count_GeneratedGridRows_MatchesPairwiseCount()
    {
        // Few grid values, −0.0 among them: duplicates everywhere, counted against the O(N²) definition.
        var sets = Gen.Int[1, 3].SelectMany(d => Gen.Int[1, 50].SelectMany(n => Gen.Int[0, 3].Array[n * d].Select(grid => (d, n, grid))));

        sets.Sample(
            set =>
            {
                var (d, n, grid) = set;
                double[] points = grid.Select(v => v == 3 ? -0.0 : v).ToArray();
                foreach (int copies in new[] { 1, 2, 3 })
                {
                    int expected = Enumerable.Range(0, n).Count(i => Enumerable.Range(0, n).Count(j => j != i && Same(points, d, i, j)) >= copies);

                    Coincidence.Count(points, [], d, copies).Crowded.Should().Be(expected);
                }
            },
            iter: 300);
    }

    [Fact]
    public void Count_DistinctRowsWithEqualHashes_AreNotTied()
    {
        // Rows a and b differ but share a hash (the second coordinate of b undoes the mixing of the first), so
        // the run of equal hashes holds a, b, a, b: only the genuine copies may be grouped.
        double[] a = [1.0, 2.0];
        double b0 = 3.0;
        double b1 = BitConverter.Int64BitsToDouble((long)(Mix(Bits(a[0])) ^ Bits(a[1]) ^ Mix(Bits(b0))));
        double.IsFinite(b1).Should().BeTrue("the constructed coordinate must be a valid sample");
        Coincidence.Hash([b0, b1]).Should().Be(Coincidence.Hash(a));
        double[] points = [.. a, b0, b1, .. a, b0, b1, 7.0, 7.0];

        var census = Coincidence.Count(points, [], 2, 1);

        census.Crowded.Should().Be(4);
        census.LargestGroup.Should().Be(2);
        census.CrowdedExample.Should().Be(0);
    }

    [Fact]
    public void Count_RowsSharedWithOtherSet_ReportsLowestPair()
    {
        double[] x = [0.0, 1.0, 2.0, 3.0];
        double[] y = [5.0, 3.0, 1.0, 1.0];

        var census = Coincidence.Count(x, y, 1, 1);

        census.Crowded.Should().Be(0);
        (census.Shared, census.SharedExample, census.SharedPartner).Should().Be((2, 1, 2));
    }

    private static bool Same(double[] points, int d, int i, int j)
        => Enumerable.Range(0, d).All(a => points[(i * d) + a] == points[(j * d) + a]);

    private static ulong Bits(double v) => (ulong)BitConverter.DoubleToInt64Bits(v);

    // SplitMix64's finaliser, the mixing step of the hash Coincidence sorts by.
    private static ulong Mix(ulong h)
    {
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }
}
