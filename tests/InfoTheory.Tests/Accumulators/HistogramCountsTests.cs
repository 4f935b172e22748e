using InfoTheory.Binning;
using InfoTheory.Sampled;

namespace InfoTheory.Tests.Accumulators;

public class HistogramCountsTests
{
    private static readonly double[] Reference = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];
    private static readonly double[] Shifted = [.. Enumerable.Range(0, 800).Select(i => (i * 1.1) + 30)];

    [Fact]
    public void Add_ValuesAndSpans_EqualsHistogramCount()
    {
        var bins = Histogram.Fit(Reference, BinningRule.Quantile(10), OutOfRangePolicy.Clamp);
        var counts = new HistogramCounts(bins);

        counts.Add(Shifted.AsSpan(0, 500));
        foreach (double v in Shifted[500..])
        {
            counts.Add(v);
        }

        counts.Counts.ToArray().Should().Equal(bins.Count(Shifted));
        counts.Total.Should().Be(800);
        counts.Bins.Should().BeSameAs(bins);
    }

    [Fact]
    public void Merge_Shards_EqualsOnePass()
    {
        var bins = Histogram.Fit(Reference, BinningRule.EqualWidth(7), OutOfRangePolicy.SeparateBins);
        var a = new HistogramCounts(bins);
        var b = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(7), OutOfRangePolicy.SeparateBins));
        a.Add(Shifted.AsSpan(0, 300));
        b.Add(Shifted.AsSpan(300));

        b.Merge(a);

        b.Counts.ToArray().Should().Equal(bins.Count(Shifted));
        b.Total.Should().Be(800);
    }

    [Fact]
    public void Merge_OtherEdgesOrPolicy_ThrowsNamingOther()
    {
        var counts = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(4)));
        var otherEdges = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(5)));
        var shiftedEdges = new HistogramCounts(Histogram.Fit(Reference, BinningRule.Explicit([0, 249.75, 499.5, 749.5, 999])));
        var otherPolicy = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(4), OutOfRangePolicy.Clamp));

        FluentActions.Invoking(() => counts.Merge(otherEdges)).Should().Throw<ArgumentException>().WithParameterName("other").WithMessage("*6 bin edges*5*");
        FluentActions.Invoking(() => counts.Merge(shiftedEdges)).Should().Throw<ArgumentException>().WithParameterName("other").WithMessage("*edge[3]*");
        FluentActions.Invoking(() => counts.Merge(otherPolicy)).Should().Throw<ArgumentException>().WithParameterName("other").WithMessage("*Clamp*");
    }

    [Fact]
    public void Add_RejectedValue_ChangesNothing()
    {
        var counts = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(4)));

        FluentActions.Invoking(() => counts.Add([1.0, 5000.0])).Should().Throw<ArgumentException>().WithParameterName("values");
        FluentActions.Invoking(() => counts.Add(double.NaN)).Should().Throw<ArgumentException>().WithParameterName("value");
        counts.Total.Should().Be(0);
        counts.Counts.ToArray().Should().OnlyContain(c => c == 0);
    }

    [Fact]
    public void WriteToReadFrom_RoundTripsCountsEdgesAndPolicy()
    {
        var counts = new HistogramCounts(Histogram.Fit(Reference, BinningRule.FreedmanDiaconis, OutOfRangePolicy.SeparateBins));
        counts.Add(Shifted);

        HistogramCounts read = AccumulatorBytes.Read(AccumulatorBytes.Write(counts.WriteTo), HistogramCounts.ReadFrom);

        read.Counts.ToArray().Should().Equal(counts.Counts.ToArray());
        read.Total.Should().Be(800);
        read.Bins.Edges.ToArray().Should().Equal(counts.Bins.Edges.ToArray());
        read.Bins.OutOfRange.Should().Be(OutOfRangePolicy.SeparateBins);
        read.Merge(counts);
        read.Total.Should().Be(1600);
    }

    [Fact]
    public void ReadFrom_EveryFlippedByteAndTruncation_ThrowsInvalidData()
    {
        var counts = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(2)));
        counts.Add([1.0, 600.0, 700.0]);
        byte[] bytes = AccumulatorBytes.Write(counts.WriteTo);

        AccumulatorBytes.FuzzRejects(bytes, HistogramCounts.ReadFrom, read => read.Counts.SequenceEqual(counts.Counts) && read.Bins.Edges.SequenceEqual(counts.Bins.Edges));
    }

    [Fact]
    public void ReadFrom_EdgesNotAscending_ThrowsInvalidData()
    {
        var counts = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(2)));
        byte[] payload = AccumulatorBytes.Payload(AccumulatorBytes.Write(counts.WriteTo));
        BitConverter.GetBytes(2000.0).CopyTo(payload, 8 + 8);

        FluentActions.Invoking(() => AccumulatorBytes.Read(AccumulatorBytes.Seal(3, payload), HistogramCounts.ReadFrom))
            .Should().Throw<InvalidDataException>().WithMessage("*not valid bin edges*");
    }

    [Fact]
    public void PopulationStabilityIndex_OfMergedAccumulators_EqualsTheSampleOverload()
    {
        var bins = Histogram.Fit(Reference, BinningRule.Quantile(Drift.DefaultBins), OutOfRangePolicy.Clamp);
        var reference = new HistogramCounts(bins);
        reference.Add(Reference);
        var current = new HistogramCounts(bins);
        var shard = new HistogramCounts(bins);
        current.Add(Shifted.AsSpan(0, 400));
        shard.Add(Shifted.AsSpan(400));
        current.Merge(shard);

        DriftReport fromAccumulators = Drift.PopulationStabilityIndex(reference, current, LogBase.Bits);
        DriftReport fromSamples = Drift.PopulationStabilityIndex(Reference, Shifted, unit: LogBase.Bits);

        fromAccumulators.Value.Should().Be(fromSamples.Value);
        fromAccumulators.Value.Should().Be(Drift.PopulationStabilityIndexFromCounts(reference.Counts, current.Counts, LogBase.Bits).Value);
    }

    [Fact]
    public void PopulationStabilityIndex_BadAccumulators_ThrowNamingThem()
    {
        var bins = Histogram.Fit(Reference, BinningRule.EqualWidth(3));
        var reference = new HistogramCounts(bins);
        reference.Add(Reference);
        var empty = new HistogramCounts(bins);
        var other = new HistogramCounts(Histogram.Fit(Reference, BinningRule.EqualWidth(4)));
        other.Add(Reference);

        FluentActions.Invoking(() => Drift.PopulationStabilityIndex(reference, other)).Should().Throw<ArgumentException>().WithParameterName("current");
        FluentActions.Invoking(() => Drift.PopulationStabilityIndex(reference, empty)).Should().Throw<ArgumentException>().WithParameterName("current");
        FluentActions.Invoking(() => Drift.PopulationStabilityIndex(empty, reference)).Should().Throw<ArgumentException>().WithParameterName("reference");
        FluentActions.Invoking(() => Drift.PopulationStabilityIndex(null!, reference)).Should().Throw<ArgumentNullException>().WithParameterName("reference");
    }

    [Fact]
    public void Constructor_NullBins_Throws()
    {
        FluentActions.Invoking(() => new HistogramCounts(null!)).Should().Throw<ArgumentNullException>().WithParameterName("bins");
    }
}
