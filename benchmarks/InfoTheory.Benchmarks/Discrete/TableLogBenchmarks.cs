using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// Σ xᵢ ln xᵢ over 4096 in-cache doubles with the kernels' log (fdlibm's reduction, one division shared by two registers,
/// <see cref="Log.OfPositivePair{T}"/>) against two prototypes of a table-driven log without division (Tang, ACM TOMS 1990; the
/// glibc / ARM optimized-routines design): x = 2^k·z, c ≈ 1/z from a 128-entry table indexed by the top mantissa bits,
/// r = z·c − 1 by one FMA, ln x = k·ln2 + ln(1/c) (table, hi + lo) + r + r²·P(r), P of degree 6.
/// </summary>
/// <remarks>
/// The table lookup is done by three AVX2 gathers (<see cref="TableByGather"/>), by four 32-byte record loads and a 4×4
/// transpose (<see cref="TableByRecords"/>), or, on AVX-512, from a 16-entry table held in registers by the two-register
/// permute vpermi2pd (<see cref="TableByPermute"/>, |r| &lt; 2^−5, so a degree-9 polynomial). On the Zen 3 EPYC (AVX2) the
/// first two lost to the shared division (about 1.4× and 1.2× its time). On the Zen 4 EPYC (AVX-512, CPU time per log in
/// cache): shared division at 256 bits 1.21 ns, at 512 bits 0.77 ns; permute 0.75 ns; gather 2.52 ns; records 1.35 ns.
/// The permute wins by 3%, too little for a less accurate log (these tables come from <see cref="Math.Log(double)"/>), so
/// the kernels keep the division; this class is here to re-measure that choice on other hardware.
/// </remarks>
public unsafe class TableLogBenchmarks
{
    private const int IndexBits = 7;
    private const int Entries = 1 << IndexBits;

    // The first bit pattern of interval 0, chosen so that 1.0 lies inside interval 64, whose c is exactly 1 (no cancellation near 1).
    private const ulong FirstBits = 0x3ff0000000000000UL - ((1UL << (52 - IndexBits)) * 64) - (1UL << (51 - IndexBits));

    private const int PermuteBits = 4;
    private const int PermuteEntries = 1 << PermuteBits;

    // As FirstBits, for the 16-entry table: 1.0 lies inside interval 8, whose c is exactly 1.
    private const ulong PermuteFirstBits = 0x3ff0000000000000UL - ((1UL << (52 - PermuteBits)) * 8) - (1UL << (51 - PermuteBits));

    private double[] _x = [];
    private Vector512<double> _c0, _c1, _hi0, _hi1, _lo0, _lo1;
    private double* _columns;
    private double* _records;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261201);
        _x = new double[4096];
        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] = Math.Exp(-10 * rng.NextDouble());
        }

        _columns = (double*)NativeMemory.AlignedAlloc(3 * Entries * sizeof(double), 64);
        _records = (double*)NativeMemory.AlignedAlloc(4 * Entries * sizeof(double), 64);
        for (int i = 0; i < Entries; i++)
        {
            double low = BitConverter.UInt64BitsToDouble(FirstBits + ((ulong)i << (52 - IndexBits)));
            double high = BitConverter.UInt64BitsToDouble(FirstBits + ((ulong)(i + 1) << (52 - IndexBits)));
            double c = i == 64 ? 1.0 : Math.Round(2.0 / (low + high) * (1 << 20)) / (1 << 20);
            double log = -Math.Log(c);
            double hi = Math.Round(log * (1L << 43)) / (1L << 43);
            _columns[i] = _records[4 * i] = c;
            _columns[Entries + i] = _records[(4 * i) + 1] = hi;
            _columns[(2 * Entries) + i] = _records[(4 * i) + 2] = log - hi;
            _records[(4 * i) + 3] = 0;
        }

        // The 16-entry table, held in six registers (two per column) for AVX-512's two-register permute.
        var cs = new double[PermuteEntries];
        var his = new double[PermuteEntries];
        var los = new double[PermuteEntries];
        for (int i = 0; i < PermuteEntries; i++)
        {
            double low = BitConverter.UInt64BitsToDouble(PermuteFirstBits + ((ulong)i << (52 - PermuteBits)));
            double high = BitConverter.UInt64BitsToDouble(PermuteFirstBits + ((ulong)(i + 1) << (52 - PermuteBits)));
            cs[i] = i == 8 ? 1.0 : Math.Round(2.0 / (low + high) * (1 << 20)) / (1 << 20);
            double log = -Math.Log(cs[i]);
            his[i] = Math.Round(log * (1L << 43)) / (1L << 43);
            los[i] = log - his[i];
        }

        (_c0, _c1) = (Vector512.Create(cs.AsSpan(0, 8)), Vector512.Create(cs.AsSpan(8, 8)));
        (_hi0, _hi1) = (Vector512.Create(his.AsSpan(0, 8)), Vector512.Create(his.AsSpan(8, 8)));
        (_lo0, _lo1) = (Vector512.Create(los.AsSpan(0, 8)), Vector512.Create(los.AsSpan(8, 8)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_columns);
        NativeMemory.AlignedFree(_records);
    }

    [Benchmark(Baseline = true)]
    public double SharedDivision() => SharedDivisionAt<Vector256Lanes>();

    /// <summary>The kernels' log at AVX-512's width, the baseline of <see cref="TableByPermute"/>.</summary>
    [Benchmark]
    public double SharedDivision512() => Vector512.IsHardwareAccelerated ? SharedDivisionAt<Vector512Lanes>() : double.NaN;

    // Σ x ln x by the kernels' log, two registers of width T sharing one division.
    private double SharedDivisionAt<T>()
        where T : struct, IVectorLanes<T>
    {
        T sum = T.Zero;
        ref double x = ref MemoryMarshal.GetArrayDataReference(_x);
        for (int i = 0; i < _x.Length; i += 2 * T.Count)
        {
            T v0 = T.Load(ref x, i);
            T v1 = T.Load(ref x, i + T.Count);
            Log.OfPositivePair(v0, v1, out T log0, out T log1, subnormals: false);
            sum = T.FusedMultiplyAdd(v0, log0, sum);
            sum = T.FusedMultiplyAdd(v1, log1, sum);
        }

        return T.SumLanes(sum);
    }

    /// <summary>A 16-entry table read by AVX-512's two-register permute (vpermi2pd), so no gather and no division; |r| &lt; 2^−5 needs a degree-9 polynomial.</summary>
    [Benchmark]
    public double TableByPermute()
    {
        if (!Avx512F.IsSupported)
        {
            return double.NaN;
        }

        var sum = Vector512<double>.Zero;
        fixed (double* x = _x)
        {
            for (int i = 0; i < _x.Length; i += 8)
            {
                var v = Vector512.Load(x + i);
                sum = Vector512.FusedMultiplyAdd(v, LogByPermute(v), sum);
            }
        }

        return Vector512.Sum(sum);
    }

    [Benchmark]
    public double TableByGather() => Avx2.IsSupported ? Run(records: false) : double.NaN;

    [Benchmark]
    public double TableByRecords() => Avx2.IsSupported ? Run(records: true) : double.NaN;

    private double Run(bool records)
    {
        var sum = Vector256<double>.Zero;
        fixed (double* x = _x)
        {
            for (int i = 0; i < _x.Length; i += 4)
            {
                var v = Vector256.Load(x + i);
                sum = Vector256.FusedMultiplyAdd(v, records ? LogByRecords(v) : LogByGather(v), sum);
            }
        }

        return Vector256.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> LogByGather(Vector256<double> x)
    {
        Reduce(x, out var index, out var z, out var k);
        var c = Avx2.GatherVector256(_columns, index, 8);
        var hi = Avx2.GatherVector256(_columns + Entries, index, 8);
        var lo = Avx2.GatherVector256(_columns + (2 * Entries), index, 8);
        return Finish(z, k, c, hi, lo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<double> LogByPermute(Vector512<double> x)
    {
        Vector512<ulong> bits = x.AsUInt64();
        Vector512<ulong> shifted = bits - Vector512.Create(PermuteFirstBits);
        Vector512<ulong> index = Vector512.ShiftRightLogical(shifted, 52 - PermuteBits);
        Vector512<double> k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(shifted.AsInt64(), 52));
        Vector512<double> z = (bits - (shifted & Vector512.Create(0xfff0000000000000UL))).AsDouble();

        // vpermi2pd reads the low 4 bits of each index: entries 0–7 from the first register, 8–15 from the second.
        Vector512<double> c = Avx512F.PermuteVar8x64x2(_c0, index.AsInt64(), _c1);
        Vector512<double> logHi = Avx512F.PermuteVar8x64x2(_hi0, index.AsInt64(), _hi1);
        Vector512<double> logLo = Avx512F.PermuteVar8x64x2(_lo0, index.AsInt64(), _lo1);

        var r = Vector512.FusedMultiplyAdd(z, c, Vector512.Create(-1.0));
        var w = Vector512.FusedMultiplyAdd(k, Vector512.Create(6.93147180369123816490e-01), logHi);
        var hi = w + r;
        var lo = w - hi + r;

        // ln(1 + r) − r = r²·(−1/2 + r/3 − … + r⁷/9), Taylor's, enough for |r| < 2^−5.
        var p = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 9), Vector512.Create(-1.0 / 8));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(1.0 / 7));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(-1.0 / 6));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(1.0 / 5));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(-1.0 / 4));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(1.0 / 3));
        p = Vector512.FusedMultiplyAdd(r, p, Vector512.Create(-1.0 / 2));
        var tail = Vector512.FusedMultiplyAdd(k, Vector512.Create(1.90821492927058770002e-10), logLo) + lo;
        return hi + Vector512.FusedMultiplyAdd(r * r, p, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> LogByRecords(Vector256<double> x)
    {
        Reduce(x, out var index, out var z, out var k);
        var offset = Vector256.ShiftLeft(index, 2);
        var r0 = Avx.LoadVector256(_records + offset.GetElement(0));
        var r1 = Avx.LoadVector256(_records + offset.GetElement(1));
        var r2 = Avx.LoadVector256(_records + offset.GetElement(2));
        var r3 = Avx.LoadVector256(_records + offset.GetElement(3));
        var low01 = Avx.UnpackLow(r0, r1);
        var high01 = Avx.UnpackHigh(r0, r1);
        var low23 = Avx.UnpackLow(r2, r3);
        var high23 = Avx.UnpackHigh(r2, r3);
        return Finish(z, k, Avx.Permute2x128(low01, low23, 0x20), Avx.Permute2x128(high01, high23, 0x20), Avx.Permute2x128(low01, low23, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(Vector256<double> x, out Vector256<long> index, out Vector256<double> z, out Vector256<double> k)
    {
        Vector256<ulong> bits = x.AsUInt64();
        Vector256<ulong> shifted = bits - Vector256.Create(FirstBits);
        index = (Vector256.ShiftRightLogical(shifted, 52 - IndexBits) & Vector256.Create((ulong)(Entries - 1))).AsInt64();
        k = Vector256.ConvertToDouble(Vector256.ShiftRightArithmetic(shifted.AsInt64(), 52));
        z = (bits - (shifted & Vector256.Create(0xfff0000000000000UL))).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Finish(Vector256<double> z, Vector256<double> k, Vector256<double> c, Vector256<double> logHi, Vector256<double> logLo)
    {
        var r = Vector256.FusedMultiplyAdd(z, c, Vector256.Create(-1.0));
        var w = Vector256.FusedMultiplyAdd(k, Vector256.Create(6.93147180369123816490e-01), logHi);
        var hi = w + r;
        var lo = w - hi + r;

        // ln(1 + r) − r = r²·(−1/2 + r/3 − … + r⁶/8), Taylor's, enough for |r| < 2^−8.
        var p = Vector256.FusedMultiplyAdd(r, Vector256.Create(-1.0 / 8), Vector256.Create(1.0 / 7));
        p = Vector256.FusedMultiplyAdd(r, p, Vector256.Create(-1.0 / 6));
        p = Vector256.FusedMultiplyAdd(r, p, Vector256.Create(1.0 / 5));
        p = Vector256.FusedMultiplyAdd(r, p, Vector256.Create(-1.0 / 4));
        p = Vector256.FusedMultiplyAdd(r, p, Vector256.Create(1.0 / 3));
        p = Vector256.FusedMultiplyAdd(r, p, Vector256.Create(-1.0 / 2));
        var tail = Vector256.FusedMultiplyAdd(k, Vector256.Create(1.90821492927058770002e-10), logLo) + lo;
        return hi + Vector256.FusedMultiplyAdd(r * r, p, tail);
    }
}
