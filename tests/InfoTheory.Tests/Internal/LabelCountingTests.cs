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
    public void EncodeAny_StringsSharedAndCopied_GivesFirstAppearanceCodes()
    {
        // Shared instances (answered by the reference cache), equal strings in fresh instances (answered by the
        // dictionary) and counts of distinct values on both sides of the cache size and of its trial length.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40_000), k = rng.Next(1, rng.Next(2) == 0 ? 300 : 30_000);
            string[] names = [.. Enumerable.Range(0, k).Select(v => $"label{v}")];
            string[] labels = new string[n];
            for (int i = 0; i < n; i++)
            {
                string name = names[rng.Next(k)];
                labels[i] = rng.Next(4) == 0 ? new string(name.AsSpan()) : name;
            }

            var codes = new int[n];
            int distinct = LabelCounting.EncodeAny<string>(labels, codes, "x");

            // Naive reference: codes numbered in order of first appearance by string equality.
            var expected = new Dictionary<string, int>();
            distinct.Should().Be(labels.Distinct().Count());
            for (int i = 0; i < n; i++)
            {
                expected.TryAdd(labels[i], expected.Count);
                codes[i].Should().Be(expected[labels[i]]);
            }
        }, iter: 60);
    }

    [Fact]
    public void EncodeAny_NullFirstOrAfterRun_ThrowsNamingIndex()
    {
        string shared = "a";

        Action first = () => LabelCounting.EncodeAny<string>([null!, shared], new int[2], "x");
        Action later = () => LabelCounting.EncodeAny<string>([shared, shared, null!], new int[3], "x");

        first.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[0] is null*");
        later.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[2] is null*");
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
