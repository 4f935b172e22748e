using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Accumulators;

/// <summary>
/// The cost of moving a 1000 × 1000 <see cref="ContingencyTable"/> between machines against the cost of filling it: the
/// baseline counts 10⁶ seeded uniform pairs into it (<c>table.Add(x, y)</c>); the other row writes a table holding them to a
/// stream, reads it back and merges it into a reducer's table, the whole reduce-side round trip. Issue 16 asks the round
/// trip to take well under the counting.
/// </summary>
[MemoryDiagnoser]
public class AccumulatorBenchmarks
{
    private const int Size = 1000;
    private const int Pairs = 1_000_000;
    private int[] _x = [];
    private int[] _y = [];
    private ContingencyTable _counted = new();
    private ContingencyTable _reducer = new();
    private MemoryStream _buffer = new();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261201);
        _x = [.. Enumerable.Range(0, Pairs).Select(_ => rng.Next(Size))];
        _y = [.. Enumerable.Range(0, Pairs).Select(_ => rng.Next(Size))];
        _counted = new ContingencyTable(Size, Size);
        _counted.Add(_x, _y);
        _reducer = new ContingencyTable(Size, Size);
        _buffer = new MemoryStream(16 * Size * Size);
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    [Benchmark(Baseline = true)]
    public long CountMillionPairs()
    {
        var table = new ContingencyTable(Size, Size);
        table.Add(_x, _y);
        return table.Total;
    }

    [Benchmark]
    public long WriteReadMerge()
    {
        _buffer.Position = 0;
        _counted.WriteTo(_buffer);
        _buffer.Position = 0;
        _reducer.Merge(ContingencyTable.ReadFrom(_buffer));
        return _reducer.Total;
    }
}
