using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// Entropy of a sequence of int labels (100 classes) against the obvious Dictionary-counting loop, and of the same labels
/// as strings ("c0" … "c99"), each element its own instance as a parser leaves them.
/// </summary>
[MemoryDiagnoser]
public class LabelEntropyBenchmarks
{
    private int[] _labels = [];
    private string[] _strings = [];

    [Params(1031, 100_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261125);
        _labels = new int[N];
        for (int i = 0; i < N; i++)
        {
            // Skewed classes, so the counts differ and the entropy is not simply log 100.
            _labels[i] = (int)(100 * rng.NextDouble() * rng.NextDouble());
        }

        _strings = [.. _labels.Select(v => $"c{v}")];
    }

    [Benchmark(Baseline = true)]
    public double NaiveDictionary()
    {
        var counts = new Dictionary<int, int>();
        foreach (int label in _labels)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        double n = _labels.Length, h = 0;
        foreach (int c in counts.Values)
        {
            h -= c / n * Math.Log(c / n);
        }

        return h;
    }

    [Benchmark]
    public double FromSamplesPlugIn() => Entropy.FromSamples<int>(_labels);

    [Benchmark]
    public double FromSamplesChaoShen() => Entropy.FromSamples<int>(_labels, EntropyEstimator.ChaoShen);

    [Benchmark]
    public double FromSamplesPlugInStrings() => Entropy.FromSamples<string>(_strings);
}
