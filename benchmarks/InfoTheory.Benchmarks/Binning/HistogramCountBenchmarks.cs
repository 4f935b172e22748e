using BenchmarkDotNet.Attributes;
using InfoTheory.Binning;

namespace InfoTheory.Benchmarks.Binning;

/// <summary>
/// Counting values into the 10 quantile bins of a reference (the drift-monitoring workload; target: 10⁷ values under 60 ms),
/// against Array.BinarySearch per value. Peer: benchmarks/peers/peer_histogram.py (np.histogram, np.searchsorted + np.bincount).
/// </summary>
[MemoryDiagnoser]
public class HistogramCountBenchmarks
{
    private double[] _values = [];
    private double[] _edges = [];
    private long[] _counts = [];
    private int[] _bins = [];
    private Histogram _histogram = null!;

    [Params(1031, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261201);
        double[] reference = [.. Enumerable.Range(0, 100_000).Select(_ => Normal(random))];
        _histogram = Histogram.Fit(reference, BinningRule.Quantile(10), OutOfRangePolicy.Clamp);
        _edges = _histogram.Edges.ToArray();
        _values = [.. Enumerable.Range(0, N).Select(_ => (1.1 * Normal(random)) + 0.2)];
        _counts = new long[_histogram.BinCount];
        _bins = new int[N];
    }

    [Benchmark(Baseline = true)]
    public long[] NaiveBinarySearch()
    {
        Array.Clear(_counts);
        int last = _edges.Length - 2;
        foreach (double v in _values)
        {
            int i = Array.BinarySearch(_edges, v);
            int bin = i >= 0 ? i : ~i - 1;
            _counts[Math.Clamp(bin, 0, last)]++;
        }

        return _counts;
    }

    [Benchmark]
    public long[] Count()
    {
        Array.Clear(_counts);
        _histogram.Count(_values, _counts);
        return _counts;
    }

    [Benchmark]
    public int[] Assign()
    {
        _histogram.Assign(_values, _bins);
        return _bins;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
