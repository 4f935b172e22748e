using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/> of 10^7 labels of 100 classes as ints (the floor the issue asks any
/// label type to come within 3× of), as longs spread far apart, as Guids and as strings, against the obvious
/// Dictionary loop over the longs, and beside them the floor of the Guids and the distinct strings: only reading each
/// label and writing an int for it, on both cores.
/// </summary>
/// <remarks>
/// The string columns are "class-0" … "class-99": <see cref="SharedStrings"/> references 100 instances,
/// <see cref="DistinctStrings"/> holds a separate instance per element, as a parser that allocates a string per cell
/// leaves them.
/// </remarks>
[MemoryDiagnoser]
public class LabelEncodingBenchmarks
{
    private int[] _ints = [];
    private long[] _longs = [];
    private Guid[] _guids = [];
    private string[] _shared = [];
    private string[] _distinct = [];

    [Params(10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261203);
        Guid[] guids = [.. Enumerable.Range(0, 100).Select(_ => new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256))]))];
        string[] names = [.. Enumerable.Range(0, 100).Select(v => $"class-{v}")];
        _ints = [.. Enumerable.Range(0, N).Select(_ => rng.Next(100))];
        _longs = [.. _ints.Select(v => v * 1_000_000_007L)];
        _guids = [.. _ints.Select(v => guids[v])];
        _shared = [.. _ints.Select(v => names[v])];
        _distinct = [.. _shared.Select(s => new string(s.AsSpan()))];
    }

    [Benchmark(Baseline = true)]
    public int[] NaiveDictionary()
    {
        var index = new Dictionary<long, int>();
        var codes = new int[_longs.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            if (!index.TryGetValue(_longs[i], out int code))
            {
                index[_longs[i]] = code = index.Count;
            }

            codes[i] = code;
        }

        return codes;
    }

    [Benchmark]
    public int[] Ints() => Labels.Encode<int>(_ints);

    [Benchmark]
    public int[] Longs() => Labels.Encode<long>(_longs);

    [Benchmark]
    public int[] Guids() => Labels.Encode<Guid>(_guids);

    [Benchmark]
    public int[] SharedStrings() => Labels.Encode<string>(_shared);

    [Benchmark]
    public int[] DistinctStrings() => Labels.Encode<string>(_distinct);

    /// <summary>Not a coding: each Guid read and an int written for it, on both cores, the floor of any coding of them.</summary>
    [Benchmark]
    public int[] ReadGuids()
    {
        Guid[] labels = _guids;
        int[] codes = GC.AllocateUninitializedArray<int>(labels.Length);
        Halves(labels.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                codes[i] = labels[i].GetHashCode();
            }
        });
        return codes;
    }

    /// <summary>Not a coding: each string instance's length and last character read and an int written, on both cores.</summary>
    [Benchmark]
    public int[] ReadDistinctStrings()
    {
        string[] labels = _distinct;
        int[] codes = GC.AllocateUninitializedArray<int>(labels.Length);
        Halves(labels.Length, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                codes[i] = labels[i].Length + labels[i][^1];
            }
        });
        return codes;
    }

    private static void Halves(int n, Action<int, int> fill) => Parallel.Invoke(() => fill(0, n / 2), () => fill(n / 2, n));
}
