using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class LabelCountingTests
{
    [Fact]
    public void Histogram_InterleavedAndPlainPaths_MatchANaiveCount()
    {
        // Lengths and ranges either side of the four-lane threshold (n ≥ 4k, k ≤ 4096), including tails of 1–3 elements.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int k = rng.Next(1, 40), n = rng.Next(0, 400), offset = rng.Next(-1000, 1000);
            int[] values = [.. DiscreteSamples.Labels(rng, n, k).Select(v => v + offset)];
            var expected = new int[k];
            foreach (int v in values)
            {
                expected[v - offset]++;
            }

            var counts = new int[k];
            LabelCounting.Histogram(values, offset, counts);

            counts.Should().Equal(expected);
        }, iter: 1000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void MinMax_AwkwardLengths_MatchesLinq(int length)
    {
        // The extreme is placed at every position in turn, so each SIMD lane and the scalar tail are exercised.
        var rng = new Random(length);
        int[] values = [.. Enumerable.Range(0, length).Select(_ => rng.Next(-1000, 1000))];
        for (int at = 0; at < length; at++)
        {
            int[] probe = [.. values];
            probe[at] = at % 2 == 0 ? int.MinValue : int.MaxValue;

            LabelCounting.MinMax(probe, out int min, out int max);

            min.Should().Be(probe.Min());
            max.Should().Be(probe.Max());
        }
    }

    [Fact]
    public void Histogram_OffsetAtIntMinValue_WrapsIntoRange()
    {
        var counts = new int[3];

        LabelCounting.Histogram([int.MinValue, int.MinValue + 2, int.MinValue], int.MinValue, counts);

        counts.Should().Equal(2, 0, 1);
    }

    [Fact]
    public void Encode_WideIntegerRange_GivesFirstAppearanceCodes()
    {
        var codes = new int[5];

        int k = LabelCounting.Encode<int>([int.MaxValue, int.MinValue, int.MaxValue, 0, int.MinValue], codes, "x");

        k.Should().Be(3);
        codes.Should().Equal(0, 1, 0, 2, 1);
    }

    [Fact]
    public void Combine_DenseAndHashedPaths_GiveEqualCodesToEqualPairs()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300);
            int ka = rng.Next(1, 2000), kb = rng.Next(1, 2000);
            int[] a = DiscreteSamples.Labels(rng, n, ka), b = DiscreteSamples.Labels(rng, n, kb);
            var codes = new int[n];

            int k = LabelCounting.Combine(a, ka, b, kb, codes);

            k.Should().Be(a.Zip(b).Distinct().Count());
            for (int i = 0; i < n; i++)
            {
                codes[i].Should().BeInRange(0, k - 1);
                codes[i].Should().Be(codes[FirstIndex(a, b, a[i], b[i])]);
            }
        }, iter: 1000);
    }

    private static int FirstIndex(int[] a, int[] b, int x, int y)
    {
        for (int i = 0; ; i++)
        {
            if (a[i] == x && b[i] == y)
            {
                return i;
            }
        }
    }
}
