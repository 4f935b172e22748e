using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Accumulators;

/// <summary>
/// Counting 10⁶ string labels (1000 seeded distinct words) into a <see cref="LabelCounts{T}"/>, against the existing path of
/// encoding them to indices with <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>: informative, since both are one hash look-up
/// per label; the accumulator keeps no index array and can be merged and serialized.
/// </summary>
[MemoryDiagnoser]
public class LabelCountsBenchmarks
{
    private const int Count = 1_000_000;
    private string[] _labels = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261201);
        string[] words = [.. Enumerable.Range(0, 1000).Select(i => $"word-{i * 7919}")];
        _labels = [.. Enumerable.Range(0, Count).Select(_ => words[rng.Next(words.Length)])];
    }

    [Benchmark(Baseline = true)]
    public int LabelsEncode() => Labels.Encode<string>(_labels).Length;

    [Benchmark]
    public long LabelCountsAdd()
    {
        var counts = new LabelCounts<string>();
        counts.Add(_labels);
        return counts.Total;
    }
}
