using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The lane primitives that may take a hardware shortcut (vgetexppd/vgetmantpd for <c>SplitUnit</c>, flag tests for
/// <c>AnyLessThan</c>) against the scalar bit arithmetic, which is what keeps vector and scalar kernels in step.
/// </summary>
public class VectorLanesTests
{
    public static TheoryData<double> PositiveNormals => new()
    {
        Log.SmallestNormal, Math.BitIncrement(Log.SmallestNormal), 1e-300, 0.1, Math.BitDecrement(1.0), 1.0,
        Math.BitIncrement(1.0), Math.Sqrt(2), Math.BitDecrement(2.0), 2.0, 3.0, 1e300, double.MaxValue,
    };

    [Theory]
    [MemberData(nameof(PositiveNormals))]
    public void SplitUnit_EveryWidth_MatchesTheScalarBitArithmetic(double x)
    {
        var expected = Split<ScalarLanes>(x);

        // x = 2^k·m with m in [1, 2), checked independently of the bit arithmetic.
        expected.M.Should().BeInRange(1.0, Math.BitDecrement(2.0));
        Math.ScaleB(expected.M, (int)expected.K).Should().Be(x);
        Split<Vector256Lanes>(x).Should().Be(expected);
        Split<Vector512Lanes>(x).Should().Be(expected);
    }

    [Fact]
    public void SplitUnit_RandomNormals_EveryWidthMatchesTheScalarBitArithmetic()
    {
        var rng = new Random(19);
        for (int i = 0; i < 10_000; i++)
        {
            double x = BitConverter.Int64BitsToDouble(rng.NextInt64(0x0010_0000_0000_0000, 0x7FF0_0000_0000_0000));
            var expected = Split<ScalarLanes>(x);

            // One assertion per failure, not per value.
            if (Split<Vector512Lanes>(x) != expected || Split<Vector256Lanes>(x) != expected)
            {
                (Split<Vector512Lanes>(x), Split<Vector256Lanes>(x)).Should().Be((expected, expected), $"the split of {x:R}");
            }
        }
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, 1.0, false)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 0.5 }, 1.0, true)]
    [InlineData(new[] { 0.5, 2, 3, 4, 5, 6, 7, 8 }, 1.0, true)]
    [InlineData(new[] { double.NaN, 2, 3, 4, 5, 6, 7, 8 }, 1.0, false)]
    public void AnyLessThan_EveryWidth_AgreesWithAnyTrueOfLessThan(double[] values, double bound, bool expected)
    {
        // The first lane and the last (of a 512-bit register and of the second 256-bit one) each raise the flag; NaN compares false.
        Vector512Lanes v512 = Vector512Lanes.Load(ref values[0], 0);
        Vector512Lanes.AnyLessThan(v512, Vector512Lanes.Create(bound)).Should().Be(expected);
        Vector512Lanes.AnyTrue(Vector512Lanes.LessThan(v512, Vector512Lanes.Create(bound))).Should().Be(expected);

        bool anyLow = Vector256Lanes.AnyLessThan(Vector256Lanes.Load(ref values[0], 0), Vector256Lanes.Create(bound))
            || Vector256Lanes.AnyLessThan(Vector256Lanes.Load(ref values[0], 4), Vector256Lanes.Create(bound));
        anyLow.Should().Be(expected);
        values.Any(v => ScalarLanes.AnyLessThan(ScalarLanes.Create(v), ScalarLanes.Create(bound))).Should().Be(expected);
    }

    private static (double M, double K) Split<T>(double x)
        where T : struct, IVectorLanes<T>
    {
        T m = T.SplitUnit(T.Create(x), out T k);
        return (T.MinLane(m), T.MinLane(k));
    }
}
