using CsCheck;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class CoincidenceTests
{
    [Fact]
    public void Count_GeneratedGridRows_MatchesPairwiseCount()
    {
        // Few grid values, −0.0 among them: duplicates everywhere, counted against the O(N²) definition.
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 3].Array[1, 150]).Sample(
            (d, grid) =>
            {
                int n = grid.Length / d;
                double[] points = grid.Take(n * d).Select(v => v == 3 ? -0.0 : v).ToArray();
                foreach (int copies in new[] { 1, 2, 3 })
                {
                    int expected = Enumerable.Range(0, n).Count(i => Enumerable.Range(0, n).Count(j => j != i && Same(points, d, i, j)) >= copies);

                    Coincidence.Count(points, [], d, copies).Crowded.Should().Be(expected);
                    Coincidence.CountBySorting(points, [], d, copies).Crowded.Should().Be(expected);
                }
            },
            iter: 300);
    }

    [Fact]
    public void Count_GeneratedPairsOfSets_HashTableAndSortingAgree()
    {
        Gen.Select(Gen.Int[1, 2], Gen.Int[0, 4].Array[2, 80], Gen.Int[0, 4].Array[0, 80]).Sample(
            (d, a, b) =>
            {
                double[] x = a.Take(a.Length / d * d).Select(v => (double)v).ToArray();
                double[] y = b.Take(b.Length / d * d).Select(v => (double)v).ToArray();
                var table = Coincidence.Count(x, y, d, 2);
                var sorted = Coincidence.CountBySorting(x, y, d, 2);

                (table.Crowded, table.LargestGroup, table.CrowdedExample, table.Shared, table.SharedExample, table.SharedPartner)
                    .Should().Be((sorted.Crowded, sorted.LargestGroup, sorted.CrowdedExample, sorted.Shared, sorted.SharedExample, sorted.SharedPartner));
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

        foreach (var census in new[] { Coincidence.Count(points, [], 2, 1), Coincidence.CountBySorting(points, [], 2, 1) })
        {
            census.Crowded.Should().Be(4);
            census.LargestGroup.Should().Be(2);
            census.CrowdedExample.Should().Be(0);
        }
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
