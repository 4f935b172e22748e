using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// Plug-in mutual information of 10^7 paired string labels, 100 × 100 classes, against the same labels as ints (the
/// floor the issue asks to come within 3× of) and a naive Dictionary-counting loop over the strings.
/// </summary>
/// <remarks>
/// The labels are "class-0" … "class-99" (7 or 8 characters, 100 distinct values per column). <see cref="SharedStrings"/>
/// holds 100 instances, each element a reference to one of them (labels interned or drawn from a fixed set);
/// <see cref="DistinctStringInstances"/> holds 10^7 separate instances of equal content per column, as a CSV parser
/// that allocates a string per cell leaves them, so every element's characters must be read and hashed.
/// <see cref="ReadDistinctStringInstances"/> is their memory floor: it only touches every instance (its length and last
/// character) once, a column per core, as the coding of the MI pass does.
/// </remarks>
[MemoryDiagnoser]
public class StringLabelMutualInformationBenchmarks
{
    private int[] _xInts = [];
    private int[] _yInts = [];
    private string[] _x = [];
    private string[] _y = [];
    private string[] _xCopies = [];
    private string[] _yCopies = [];

    [Params(10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261125);
        string[] names = [.. Enumerable.Range(0, 100).Select(v => $"class-{v}")];
        (_xInts, _yInts) = (new int[N], new int[N]);
        (_x, _y, _xCopies, _yCopies) = (new string[N], new string[N], new string[N], new string[N]);
        for (int i = 0; i < N; i++)
        {
            _xInts[i] = rng.Next(100);
            _yInts[i] = rng.NextDouble() < 0.5 ? (_xInts[i] * 7) % 100 : rng.Next(100);
            (_x[i], _y[i]) = (names[_xInts[i]], names[_yInts[i]]);
        }

        // Every element its own instance, as a parser that allocates a string per cell leaves them.
        _xCopies = [.. _x.Select(s => new string(s.AsSpan()))];
        _yCopies = [.. _y.Select(s => new string(s.AsSpan()))];
    }

    [Benchmark(Baseline = true)]
    public double NaiveDictionary()
        => NaiveMutualInformation.Of(_x, _y);

    [Benchmark]
    public double IntLabels() => MutualInformation.FromSamples<int, int>(_xInts, _yInts);

    [Benchmark]
    public double SharedStrings() => MutualInformation.FromSamples<string, string>(_x, _y);

    [Benchmark]
    public int[] EncodeDistinctStringInstances() => Labels.Encode<string>(_xCopies);

    [Benchmark]
    public long ReadDistinctStringInstances()
    {
        long x = 0, y = 0;
        Parallel.Invoke(() => x = Touch(_xCopies), () => y = Touch(_yCopies));
        return x + y;
    }

    [Benchmark]
    public double DistinctStringInstances() => MutualInformation.FromSamples<string, string>(_xCopies, _yCopies);

    // Reads each instance's length and last character, so every object's cache line comes in from memory once.
    private static long Touch(string[] labels)
    {
        long sum = 0;
        foreach (string label in labels)
        {
            sum += label.Length + label[^1];
        }

        return sum;
    }
}
