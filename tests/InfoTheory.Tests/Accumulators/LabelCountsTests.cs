using System.Text;
using CsCheck;

namespace InfoTheory.Tests.Accumulators;

public class LabelCountsTests
{
    private static readonly string[] Words = ["b", "a", "c", "a", "b", "a", "é", "", "a"];

    [Fact]
    public void Add_Labels_CountsEach()
    {
        var counts = new LabelCounts<string>();
        counts.Add(Words);
        counts.Add("z", 3);
        counts.Add("q", 0);

        counts.Total.Should().Be(12);
        counts.Distinct.Should().Be(6);
        counts["a"].Should().Be(4);
        counts["z"].Should().Be(3);
        counts["q"].Should().Be(0);
        counts["never"].Should().Be(0);
    }

    [Fact]
    public void Add_CustomComparer_MergesLabelsItCallsEqual()
    {
        var counts = new LabelCounts<string>(StringComparer.OrdinalIgnoreCase);
        counts.Add(["A", "a", "B"]);

        counts["a"].Should().Be(2);
        counts.Distinct.Should().Be(2);
    }

    [Fact]
    public void Entropy_PlugIn_MatchesTheFormula()
    {
        var counts = new LabelCounts<char>();
        counts.Add("aaab".AsSpan());

        // H = −(¾ ln ¾ + ¼ ln ¼), in bits 0.8112781244591328 (the binary entropy of ¼).
        counts.Entropy(unit: LogBase.Bits).Should().BeApproximately(0.8112781244591328, 1e-15);
    }

    [Theory]
    [InlineData(EntropyEstimator.PlugIn)]
    [InlineData(EntropyEstimator.MillerMadow)]
    [InlineData(EntropyEstimator.ChaoShen)]
    [InlineData(EntropyEstimator.JamesSteinShrinkage)]
    [InlineData(EntropyEstimator.Nsb)]
    public void Entropy_AnyEstimator_EqualsFromSamples(EntropyEstimator estimator)
    {
        var counts = new LabelCounts<string>();
        counts.Add(Words);

        counts.Entropy(estimator).Should().BeApproximately(Entropy.FromSamples<string>(Words, estimator), 1e-12);
    }

    [Fact]
    public void Entropy_AnyPartitionAndMergeOrder_GivesTheSameBits()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int[] labels = [.. Enumerable.Range(0, rng.Next(1, 400)).Select(_ => (int)Math.Floor(Math.Exp(rng.NextDouble() * 5)))];
            var whole = new LabelCounts<int>();
            whole.Add(labels);

            int parts = rng.Next(1, 6);
            var shards = Enumerable.Range(0, parts).Select(_ => new LabelCounts<int>()).ToArray();
            foreach (int label in labels.OrderBy(_ => rng.Next()))
            {
                shards[rng.Next(parts)].Add(label);
            }

            var merged = new LabelCounts<int>();
            foreach (LabelCounts<int> shard in shards.OrderBy(_ => rng.Next()))
            {
                merged.Merge(shard);
            }

            BitConverter.DoubleToInt64Bits(merged.Entropy(EntropyEstimator.ChaoShen)).Should().Be(BitConverter.DoubleToInt64Bits(whole.Entropy(EntropyEstimator.ChaoShen)));
            AccumulatorBytes.Write(s => merged.WriteTo(s)).Should().Equal(AccumulatorBytes.Write(s => whole.WriteTo(s)));
        }, iter: 200);
    }

    [Fact]
    public void Merge_Itself_DoublesEveryCount()
    {
        var counts = new LabelCounts<string>();
        counts.Add(Words);

        counts.Merge(counts);

        counts["a"].Should().Be(8);
        counts.Total.Should().Be(18);
    }

    [Fact]
    public void Add_TotalPastLongMax_ThrowsOverflowAndChangesNothing()
    {
        var counts = new LabelCounts<int>();
        counts.Add(1, long.MaxValue - 1);

        FluentActions.Invoking(() => counts.Add([2, 3])).Should().Throw<OverflowException>();
        FluentActions.Invoking(() => counts.Add(4, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        counts.Add(6);
        FluentActions.Invoking(() => counts.Add(7)).Should().Throw<OverflowException>();
        var other = new LabelCounts<int>();
        other.Add(5, 2);
        FluentActions.Invoking(() => counts.Merge(other)).Should().Throw<OverflowException>();
        counts.Distinct.Should().Be(2);
        counts.Total.Should().Be(long.MaxValue);
    }

    [Fact]
    public void Add_BadInput_ThrowsNamingTheParameter()
    {
        var counts = new LabelCounts<string>();

        FluentActions.Invoking(() => counts.Add((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("label");
        FluentActions.Invoking(() => counts.Add("a", -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => counts.Add(["a", null!])).Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("labels[1] is null*");
        FluentActions.Invoking(() => counts.Merge(null!)).Should().Throw<ArgumentNullException>().WithParameterName("other");
        counts.Total.Should().Be(0);
    }

    [Fact]
    public void Entropy_Empty_ThrowsInvalidOperation()
    {
        FluentActions.Invoking(() => new LabelCounts<int>().Entropy()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void WriteToReadFrom_EveryBuiltInType_RoundTrips()
    {
        RoundTripsAll(Words);
        RoundTripsAll([int.MinValue, 0, 7, 7, int.MaxValue]);
        RoundTripsAll([long.MinValue, -1L, -1L, long.MaxValue]);
        RoundTripsAll(new short[] { -3, 3, 3 });
        RoundTripsAll(new byte[] { 0, 255, 255 });
        RoundTripsAll([true, false, true]);
        RoundTripsAll(['x', '\u00e9', '\ud83d', 'x']);
        RoundTripsAll([Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Guid.Empty, Guid.Empty]);
        RoundTripsAll([double.MinValue, -1.5, 0.1, 0.1, double.Epsilon, double.PositiveInfinity]);
        RoundTripsAll([float.MinValue, -1.5f, 0.1f, 0.1f, float.Epsilon]);
    }

    [Fact]
    public void WriteTo_NegativeZeroAndNaNPayloads_WriteTheBytesOfTheLabelTheyEqual()
    {
        // double.Equals counts −0 with +0 and every NaN with every other NaN, so the bytes must not tell them apart.
        var first = new LabelCounts<double>();
        first.Add([0.0, double.NaN]);
        var second = new LabelCounts<double>();
        second.Add([-0.0, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001UL))]);

        AccumulatorBytes.Write(s => second.WriteTo(s)).Should().Equal(AccumulatorBytes.Write(s => first.WriteTo(s)));
    }

    [Fact]
    public void WriteTo_SmallCounts_WritesTheDocumentedLayoutInByteOrder()
    {
        var counts = new LabelCounts<string>();
        counts.Add(["b", "a", "b"]);

        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s));

        // total 3, distinct 2, then by encoded bytes: "a" (length 2: 7-bit length 1, 'a') count 1, "b" count 2.
        byte[] payload = [3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'a', 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'b', 2, 0, 0, 0, 0, 0, 0, 0];
        bytes.Should().Equal(AccumulatorBytes.Seal(2, payload));
    }

    [Fact]
    public void WriteTo_TypeWithoutBuiltInCodec_ThrowsNotSupportedNamingIt()
    {
        var counts = new LabelCounts<DateOnly>();
        counts.Add(new DateOnly(2026, 12, 1));

        FluentActions.Invoking(() => counts.WriteTo(new MemoryStream())).Should().Throw<NotSupportedException>().WithMessage("*System.DateOnly*");
        FluentActions.Invoking(() => LabelCounts<DateOnly>.ReadFrom(new MemoryStream())).Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void WriteToReadFrom_CustomCodec_RoundTrips()
    {
        var counts = new LabelCounts<DateOnly>();
        counts.Add([new DateOnly(2026, 12, 1), new DateOnly(1999, 1, 1), new DateOnly(2026, 12, 1)]);
        var codec = new DayNumberCodec();

        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s, codec));
        LabelCounts<DateOnly> read = AccumulatorBytes.Read(bytes, s => LabelCounts<DateOnly>.ReadFrom(s, codec));

        read[new DateOnly(2026, 12, 1)].Should().Be(2);
        read.Total.Should().Be(3);
    }

    [Fact]
    public void ReadFrom_NullSecondArgument_CompilesAndReadsWithTheDefaults()
    {
        // A bare null matches both the codec and the comparer overload; it must compile and mean the defaults of both.
        var counts = new LabelCounts<int>();
        counts.Add([3, 1, 3]);

        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s));
        LabelCounts<int> read = AccumulatorBytes.Read(bytes, s => LabelCounts<int>.ReadFrom(s, null));

        read[3].Should().Be(2);
        read.Total.Should().Be(3);
    }

    [Fact]
    public void WriteTo_CodecWritingEqualBytesForDistinctLabels_ThrowsInvalidOperation()
    {
        var counts = new LabelCounts<DateOnly>();
        counts.Add([new DateOnly(2026, 12, 1), new DateOnly(1999, 1, 1)]);

        FluentActions.Invoking(() => counts.WriteTo(new MemoryStream(), new ConstantCodec())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ReadFrom_CodecReadingTooLittle_ThrowsInvalidData()
    {
        var counts = new LabelCounts<DateOnly>();
        counts.Add(new DateOnly(2026, 12, 1));
        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s, new DayNumberCodec()));

        FluentActions.Invoking(() => AccumulatorBytes.Read(bytes, s => LabelCounts<DateOnly>.ReadFrom(s, new ConstantCodec())))
            .Should().Throw<InvalidDataException>().WithMessage("*did not read*");
    }

    [Fact]
    public void ReadFrom_EveryFlippedByteAndTruncation_ThrowsInvalidData()
    {
        var counts = new LabelCounts<string>();
        counts.Add(["x", "yy", "x"]);
        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s));

        AccumulatorBytes.FuzzRejects(bytes, s => LabelCounts<string>.ReadFrom(s), read => read.Total == 3 && read["x"] == 2 && read["yy"] == 1);
    }

    [Fact]
    public void ReadFrom_InconsistentPayloads_ThrowInvalidData()
    {
        // One label "a" (encoding 1, 'a'): total 2 but count 1; count 0; then two labels out of order.
        byte[] badTotal = [2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'a', 1, 0, 0, 0, 0, 0, 0, 0];
        byte[] zeroCount = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'a', 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] unordered = [2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'b', 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, (byte)'a', 1, 0, 0, 0, 0, 0, 0, 0];
        byte[] invalidUtf8 = [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0xFF, 1, 0, 0, 0, 0, 0, 0, 0];
        byte[] hugeDistinct = [1, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F];

        ReadString(badTotal).Should().Throw<InvalidDataException>().WithMessage("*sum to 1*total is 2*");
        ReadString(zeroCount).Should().Throw<InvalidDataException>().WithMessage("*count 0*");
        ReadString(unordered).Should().Throw<InvalidDataException>().WithMessage("*canonical order*");
        ReadString(invalidUtf8).Should().Throw<InvalidDataException>().WithMessage("*cannot be decoded*");
        ReadString(hugeDistinct).Should().Throw<InvalidDataException>().WithMessage("*2147483647 labels*");
    }

    [Fact]
    public void ReadFrom_Comparer_RejectsLabelsItCallsEqual()
    {
        var counts = new LabelCounts<string>();
        counts.Add(["A", "a"]);
        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s));

        FluentActions.Invoking(() => AccumulatorBytes.Read(bytes, s => LabelCounts<string>.ReadFrom(s, StringComparer.OrdinalIgnoreCase)))
            .Should().Throw<InvalidDataException>().WithMessage("*equals an earlier label*");
    }

    private static Func<LabelCounts<string>> ReadString(byte[] payload)
        => () => AccumulatorBytes.Read(AccumulatorBytes.Seal(2, payload), s => LabelCounts<string>.ReadFrom(s));

    private static void RoundTripsAll<T>(T[] labels)
        where T : notnull
    {
        var counts = new LabelCounts<T>();
        counts.Add(labels);
        var reversed = new LabelCounts<T>();
        reversed.Add([.. labels.Reverse()]);

        byte[] bytes = AccumulatorBytes.Write(s => counts.WriteTo(s));
        LabelCounts<T> read = AccumulatorBytes.Read(bytes, s => LabelCounts<T>.ReadFrom(s));

        read.Total.Should().Be(labels.Length);
        read.Distinct.Should().Be(counts.Distinct);
        foreach (T label in labels)
        {
            read[label].Should().Be(labels.Count(l => l.Equals(label)), $"{typeof(T).Name} label {label} must keep its count");
        }

        AccumulatorBytes.Write(s => reversed.WriteTo(s)).Should().Equal(bytes, "equal counts serialize to identical bytes whatever the order they were added in");
    }

    private sealed class DayNumberCodec : LabelCodec<DateOnly>
    {
        public override void Write(BinaryWriter writer, DateOnly label) => writer.Write(label.DayNumber);

        public override DateOnly Read(BinaryReader reader) => DateOnly.FromDayNumber(reader.ReadInt32());
    }

    private sealed class ConstantCodec : LabelCodec<DateOnly>
    {
        public override void Write(BinaryWriter writer, DateOnly label) => writer.Write((byte)1);

        public override DateOnly Read(BinaryReader reader) => DateOnly.MinValue;
    }
}
