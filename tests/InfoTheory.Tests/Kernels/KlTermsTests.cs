using InfoTheory.Continuous;
using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The estimator terms of src/InfoTheory/Kernels/KlTerms.cs (k3's e^x − 1 − x above all) and the lane loads the
/// log-probability KL kernel adds (LoadWidening, LoadMask, PowerOfTwo), at every width against the scalar lanes.
/// </summary>
public class KlTermsTests
{
    public static TheoryData<double> Arguments => new()
    {
        -1e-300, -1e-12, -1e-6, 1e-6, 1e-3, -0.3, 0.34, 0.35, -0.35, 1.0, -1.0, 5.0, -20.0, 20.0, 100.0, -700.0, -750.0, 708.9,
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public void ExpMinusOneMinusX_AgreesWithAReferenceToAFewUlps(double x)
    {
        // Reference: the series Σ x^j/j! (j ≥ 2) for |x| < 1, where Math.Exp(x) − 1 − x would cancel; the direct form elsewhere.
        double reference;
        if (Math.Abs(x) < 1)
        {
            double term = x * x / 2;
            reference = 0;
            for (int j = 3; Math.Abs(term) > 1e-40 * Math.Abs(reference) && j < 60; j++)
            {
                reference += term;
                term *= x / j;
            }
        }
        else
        {
            reference = Math.Exp(x) - 1 - x;
        }

        double value = ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(x)));

        // 1e-14 relative: a few ulps of the parts (each of the size of the result, or of r for k ≠ 0); e^x − 1 − x formed naively is off by 1e-16/result.
        value.Should().BeApproximately(reference, 1e-14 * Math.Abs(reference), $"x = {x:R}");
    }

    [Fact]
    public void ExpMinusOneMinusX_Extremes_AreInfiniteNeverNaN()
    {
        ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(double.NegativeInfinity))).Should().Be(double.PositiveInfinity);
        ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(710.0))).Should().Be(double.PositiveInfinity);
        KlTerms.Of(MonteCarloEstimator.K3, 0.0).Should().Be(0.0);
    }

    [Theory]
    [InlineData(-80.0f)]
    [InlineData(-20.0f)]
    [InlineData(-1.0f)]
    [InlineData(-0.35f)]
    [InlineData(-1e-3f)]
    [InlineData(-1e-18f)]
    [InlineData(1e-6f)]
    [InlineData(0.34f)]
    [InlineData(1.0f)]
    [InlineData(20.0f)]
    [InlineData(88.0f)]
    public void ExpMinusOneMinusXSingle_AgreesWithTheDoubleVersionToAFewFloatUlps(float x)
    {
        // The float series (seven terms) and reduction against the double version, which is within 1e-14 of the series above.
        double reference = ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(x)));

        double value = SingleLane(KlTerms.ExpMinusOneMinusXSingle<Vector256FloatLanes, Vector256Lanes>(Vector256FloatLanes.Create(x)));

        // 8 float ulps (2^−21 relative: for k ≠ 0 the parts are up to ten times the result, as in the double version);
        // forming e^x − 1 − x in float would lose every digit for |x| below 1e-4. Below x² ≈ 1e-37 the result is subnormal.
        value.Should().BeApproximately(reference, 4.8e-7 * reference, $"x = {x:R}");
    }

    [Theory]
    [InlineData(88.72f)]
    [InlineData(100.0f)]
    [InlineData(float.PositiveInfinity)]
    public void ExpMinusOneMinusXSingle_PastTheFloatRange_IsNotFinite(float x)
    {
        // The float kernels rely on this to hand such samples to the double terms, which hold e^x up to x = 709.
        double.IsFinite(SingleLane(KlTerms.ExpMinusOneMinusXSingle<Vector256FloatLanes, Vector256Lanes>(Vector256FloatLanes.Create(x)))).Should().BeFalse();
    }

    private static double SingleLane(Vector256FloatLanes lanes)
    {
        Vector256FloatLanes.Widen(lanes, out var lower, out _);
        return Vector256Lanes.MinLane(lower);
    }

    [Fact]
    public void Terms_EveryWidth_MatchTheScalarLanesBitForBit()
    {
        var random = new Random(4);
        var values = new double[8];
        for (int trial = 0; trial < 2000; trial++)
        {
            for (int i = 0; i < 8; i++)
            {
                values[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 3));
            }

            var v512 = new double[8];
            var v256 = new double[8];
            Vector512Lanes.Store(K3Term.Of(Vector512Lanes.Load(ref values[0], 0)), ref v512[0], 0);
            Vector256Lanes.Store(K3Term.Of(Vector256Lanes.Load(ref values[0], 0)), ref v256[0], 0);
            Vector256Lanes.Store(K3Term.Of(Vector256Lanes.Load(ref values[0], 4)), ref v256[0], 4);
            for (int i = 0; i < 8; i++)
            {
                double expected = KlTerms.Of(MonteCarloEstimator.K3, values[i]);
                if (v512[i] != expected || v256[i] != expected)
                {
                    (v512[i], v256[i]).Should().Be((expected, expected), $"k3 at {values[i]:R}");
                }
            }
        }
    }

    [Fact]
    public void LoadWideningAndLoadMask_EveryWidth_MatchTheScalarLanes()
    {
        float[] floats = [1.5f, -0.25f, float.NaN, float.NegativeInfinity, 3e38f, -1e-40f, 0f, 7f];
        bool[] mask = [true, false, false, true, true, true, false, true];
        ref byte bytes = ref System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref mask[0]);
        var w512 = new double[8];
        var m512 = new double[8];
        var w256 = new double[8];
        var m256 = new double[8];
        Vector512Lanes.Store(Vector512Lanes.LoadWidening(ref floats[0], 0), ref w512[0], 0);
        Vector512Lanes.Store(Vector512Lanes.LoadMask(ref bytes, 0), ref m512[0], 0);
        for (int half = 0; half < 8; half += 4)
        {
            Vector256Lanes.Store(Vector256Lanes.LoadWidening(ref floats[0], half), ref w256[0], half);
            Vector256Lanes.Store(Vector256Lanes.LoadMask(ref bytes, half), ref m256[0], half);
        }

        for (int i = 0; i < 8; i++)
        {
            BitConverter.DoubleToInt64Bits(w512[i]).Should().Be(BitConverter.DoubleToInt64Bits(floats[i]));
            BitConverter.DoubleToInt64Bits(w256[i]).Should().Be(BitConverter.DoubleToInt64Bits(floats[i]));
            long expected = BitConverter.DoubleToInt64Bits(ScalarLanes.SumLanes(ScalarLanes.LoadMask(ref bytes, i)));
            expected.Should().Be(mask[i] ? -1L : 0L);
            BitConverter.DoubleToInt64Bits(m512[i]).Should().Be(expected);
            BitConverter.DoubleToInt64Bits(m256[i]).Should().Be(expected);
        }
    }

    [Theory]
    [InlineData(-1022)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    public void PowerOfTwo_EveryWidth_IsExact(int k)
    {
        double expected = Math.ScaleB(1.0, k);

        ScalarLanes.SumLanes(ScalarLanes.PowerOfTwo(ScalarLanes.Create(k))).Should().Be(expected);
        Vector256Lanes.MinLane(Vector256Lanes.PowerOfTwo(Vector256Lanes.Create(k))).Should().Be(expected);
        Vector512Lanes.MinLane(Vector512Lanes.PowerOfTwo(Vector512Lanes.Create(k))).Should().Be(expected);
    }
}
