using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

public class LogTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    [Fact]
    public void Apply_RandomPositiveDoubles_WithinOneUlpOfMathLog()
    {
        // Uniform random bit patterns cover every exponent, subnormals included.
        var rng = new Random(20261125);
        var x = new double[100_003];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = BitConverter.Int64BitsToDouble(rng.NextInt64(1, 0x7FEF_FFFF_FFFF_FFFF));
        }

        AssertWithinUlpsOfMathLog(x, 1);
    }

    [Fact]
    public void Apply_ValuesNearOne_WithinOneUlpOfMathLog()
    {
        // Near 1 the result is tiny, so absolute errors that vanish elsewhere become whole ulps.
        var x = new List<double> { 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0) };
        for (int k = 1; k <= 2000; k++)
        {
            x.Add(1.0 + k * 1e-12);
            x.Add(1.0 - k * 1e-12);
            x.Add(1.0 + k * 3.7e-4);
            x.Add(1.0 - k * 1.3e-4);
            x.Add(1.0 + k * Math.Pow(2, -52));
        }

        AssertWithinUlpsOfMathLog([.. x], 1);
    }

    [Fact]
    public void Apply_ExtremesAndSubnormals_WithinOneUlpOfMathLog()
    {
        double[] x =
        [
            double.Epsilon, 2 * double.Epsilon, 3e-320, 1e-310, 2.2250738585072009e-308, 2.2250738585072014e-308,
            1e-300, 1e-100, 0.1, 0.5, Math.Sqrt(0.5), Math.Sqrt(2), 2, Math.E, 10, 1e100, 1e300, double.MaxValue,
        ];

        AssertWithinUlpsOfMathLog(x, 1);
    }

    [Fact]
    public void Apply_EveryPowerOfTwo_WithinOneUlpOfMathLog()
    {
        var x = Enumerable.Range(-1074, 2098).Select(k => Math.ScaleB(1.0, k)).ToArray();

        AssertWithinUlpsOfMathLog(x, 1);
    }

    [Fact]
    public void Apply_SpecialValues_FollowIeee()
    {
        double[] x = [0.0, -0.0, -1.0, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 1.0, -double.Epsilon, 4.0];
        double[] expected = [double.NegativeInfinity, double.NegativeInfinity, double.NaN, double.NaN, double.PositiveInfinity, double.NaN, 0.0, double.NaN, Math.Log(4.0)];

        foreach (SimdWidth width in Widths)
        {
            var y = new double[x.Length];
            Log.Apply(x, y, width);
            y.Should().Equal(expected, (a, b) => a.Equals(b), $"width {width}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void Apply_AwkwardLengths_EveryWidthMatchesScalarBitForBit(int length)
    {
        var rng = new Random(length);
        var x = Enumerable.Range(0, length).Select(_ => Math.Exp(-40 * rng.NextDouble())).ToArray();
        var scalar = new double[length];
        Log.Apply(x, scalar, SimdWidth.Scalar);

        foreach (SimdWidth width in Widths)
        {
            var y = new double[length];
            Log.Apply(x, y, width);
            y.Should().Equal(scalar, $"width {width} runs the same arithmetic per element");
        }
    }

    [Fact]
    public void Apply_ShortDestination_Throws()
    {
        var act = () => Log.Apply([1.0, 2.0], new double[1], SimdWidth.Scalar);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void OfRatio_RandomPairs_MatchesLogOfQuotientWithinItsRounding()
    {
        // Math.Log(p / q) carries the quotient's rounding (≤ 2^-53 absolute) on top of its own ulp.
        var rng = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            double p = Math.Exp(-30 * rng.NextDouble());
            double q = Math.Exp(-30 * rng.NextDouble());
            double expected = Math.Log(p / q);

            Log.OfRatio(p, q).Should().BeApproximately(expected, 2 * Ulp(expected) + 1.2e-16, $"ln({p:R} / {q:R})");
        }
    }

    [Fact]
    public void OfRatio_EqualArguments_IsExactlyZero()
    {
        foreach (double v in new[] { double.Epsilon, 1e-300, 0.3, 1.0, 7.5 })
        {
            Log.OfRatio(v, v).Should().Be(0.0);
        }
    }

    [Fact]
    public void OfRatio_QuotientBeyondDoubleRange_StaysFinite()
    {
        // 1 / 5e-324 overflows, but ln(1 / 2^-1074) = 1074·ln 2 is an ordinary number.
        Log.OfRatio(1.0, double.Epsilon).Should().BeApproximately(1074 * Math.Log(2), 1e-12);
    }

    [Fact]
    public void PairedForms_SharingOneDivision_StayWithinTwoUlps()
    {
        var rng = new Random(11);
        for (int i = 0; i < 20_000; i++)
        {
            double x = Math.Exp(-700 * rng.NextDouble());
            double y = Math.Exp(-3 * rng.NextDouble());
            Log.OfPositivePair(ScalarLanes.Create(x), ScalarLanes.Create(y), out var logX, out var logY);
            Log.OfRatioPair(ScalarLanes.Create(x), ScalarLanes.Create(y), ScalarLanes.Create(y), ScalarLanes.Create(x), out var xOverY, out var yOverX);

            ScalarLanes.SumLanes(logX).Should().BeApproximately(Math.Log(x), 2 * Ulp(Math.Log(x)));
            ScalarLanes.SumLanes(logY).Should().BeApproximately(Math.Log(y), 2 * Ulp(Math.Log(y)));
            ScalarLanes.SumLanes(xOverY).Should().BeApproximately(Log.OfRatio(x, y), 2 * Ulp(Log.OfRatio(x, y)));
            ScalarLanes.SumLanes(yOverX).Should().BeApproximately(-Log.OfRatio(x, y), 2 * Ulp(Log.OfRatio(x, y)));
        }
    }

    [Fact]
    public void RatiosToMidpoint_RandomPairs_MatchTheSeriesNearAndTheLogsFar()
    {
        // p ln(p/m) + q ln(q/m), m = (p + q)/2, equals 2m·g(t) with t = (p − q)/(p + q) and
        // g(t) = Σ t^{2j}/(2j(2j − 1)): the series where |t| < 1/4 (where the logarithms cancel), Math.Log beyond.
        // Pairs over the whole range with subnormals, and pairs a relative 1e-3 to 1e-15 apart.
        var rng = new Random(13);
        for (int i = 0; i < 30_000; i++)
        {
            double p = Math.Exp(-745 * rng.NextDouble());
            double q = i % 3 == 0 ? Math.Exp(-745 * rng.NextDouble())
                : i % 3 == 1 ? p * (0.5 + rng.NextDouble())
                : p * (1 + ((rng.NextDouble() - 0.5) * Math.Pow(10, -rng.Next(3, 16))));
            double actual = ScalarLanes.SumLanes(Log.RatiosToMidpoint(ScalarLanes.Create(p), ScalarLanes.Create(q), subnormals: true));

            double t = (p - q) / (p + q), m = 0.5 * (p + q);
            double expected, tolerance;
            if (Math.Abs(t) < 0.25)
            {
                double z = t * t, g = 0;
                for (int j = 20; j >= 1; j--)
                {
                    g = (g * z) + (1.0 / (2 * j * ((2 * j) - 1)));
                }

                expected = 2 * m * g * z;
                tolerance = 6 * Ulp(expected);
            }
            else
            {
                double a = p * Math.Log(p / m), b = q > 0 ? q * Math.Log(q / m) : 0;
                expected = a + b;
                tolerance = 6 * (Ulp(a) + Ulp(b));
            }

            actual.Should().BeApproximately(expected, tolerance, $"p = {p:R}, q = {q:R}");
            if (Math.Min(p, q) >= Log.SmallestNormal)
            {
                ScalarLanes.SumLanes(Log.RatiosToMidpoint(ScalarLanes.Create(p), ScalarLanes.Create(q), subnormals: false)).Should().Be(actual);
            }
        }
    }

    [Fact]
    public void Apply_AtTheReductionsSplitPoint_WithinOneUlpOfMathLog()
    {
        // The split x = 2^k·m moves k by one where the significand passes 0x6a09e… (√2/2·2, ExponentSplit.Offset); both sides of
        // it, at every binade, from subnormal to the largest, and values a few ulps either side of √2 and √2/2.
        var x = new List<double>();
        for (int k = -1074; k <= 1023; k += 7)
        {
            foreach (long bits in new[] { 0x3FE6A09E00000000L, 0x3FF6A09E00000000L, 0x3FE6A09E667F3BCDL, 0x3FF6A09E667F3BCDL })
            {
                for (long d = -2; d <= 2; d++)
                {
                    double v = Math.ScaleB(BitConverter.Int64BitsToDouble(bits + d), k);
                    if (v > 0 && double.IsFinite(v))
                    {
                        x.Add(v);
                    }
                }
            }
        }

        AssertWithinUlpsOfMathLog([.. x], 1);
    }

    [Fact]
    public void OfPositivePair_BoundariesSubnormalsNearOneAndPowersOfTwo_WithinTwoUlpsOnEveryWidth()
    {
        // The paired form Shannon's and cross-entropy's kernels use, at each register width, on the values where a reduction goes wrong.
        var x = new List<double> { double.Epsilon, 3e-320, 1e-310, Log.SmallestNormal, Math.BitDecrement(Log.SmallestNormal), double.MaxValue };
        for (int k = -1074; k <= 1023; k++)
        {
            x.Add(Math.ScaleB(1.0, k));
        }

        for (int j = 1; j <= 500; j++)
        {
            x.Add(1.0 + (j * Math.Pow(2, -52)));
            x.Add(1.0 - (j * Math.Pow(2, -53)));
            x.Add(1.0 + (j * 1e-9));
            x.Add(Math.ScaleB(BitConverter.Int64BitsToDouble(0x3FE6A09E00000000L + j - 250), j - 250));
        }

        double[] values = [.. x];
        double[] partners = [.. values.Reverse()];
        AssertPairWithinTwoUlps<ScalarLanes>(values, partners);
        AssertPairWithinTwoUlps<Vector256Lanes>(values, partners);
        AssertPairWithinTwoUlps<Vector512Lanes>(values, partners);
    }

    private static void AssertPairWithinTwoUlps<T>(double[] x, double[] y)
        where T : struct, IVectorLanes<T>
    {
        var logX = new double[T.Count];
        var logY = new double[T.Count];
        for (int i = 0; i + T.Count <= x.Length; i += T.Count)
        {
            Log.OfPositivePair(T.Load(ref x[0], i), T.Load(ref y[0], i), out T lx, out T ly);
            T.Store(lx, ref logX[0], 0);
            T.Store(ly, ref logY[0], 0);
            for (int j = 0; j < T.Count; j++)
            {
                double expectedX = Math.Log(x[i + j]);
                double expectedY = Math.Log(y[i + j]);
                if (Math.Abs(logX[j] - expectedX) > 2 * Ulp(expectedX) || Math.Abs(logY[j] - expectedY) > 2 * Ulp(expectedY))
                {
                    (logX[j], logY[j]).Should().Be((expectedX, expectedY), $"ln({x[i + j]:R}), ln({y[i + j]:R}) with {typeof(T).Name}");
                }
            }
        }
    }

    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    private static void AssertWithinUlpsOfMathLog(double[] x, long maxUlps)
    {
        foreach (SimdWidth width in Widths)
        {
            var y = new double[x.Length];
            Log.Apply(x, y, width);
            for (int i = 0; i < x.Length; i++)
            {
                double expected = Math.Log(x[i]);
                long ulps = Math.Sign(y[i]) == Math.Sign(expected)
                    ? Math.Abs(BitConverter.DoubleToInt64Bits(y[i]) - BitConverter.DoubleToInt64Bits(expected))
                    : long.MaxValue;

                // One assertion per failure, not per element: the loops cover a few hundred thousand values.
                if (ulps > maxUlps)
                {
                    ulps.Should().BeLessThanOrEqualTo(maxUlps, $"ln({x[i]:R}) with width {width}: got {y[i]:R}, Math.Log gives {expected:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.3, 0.5, 0.7)]
    [InlineData(4.9406564584124654e-324, 4.9406564584124654e-324, 4.9406564584124654e-324)]
    [InlineData(1e-310, 2e-310, 2e-310)]
    [InlineData(1e-320, 0.5, 0.25)]
    [InlineData(1e-300, 1e-300, 1e-10)]
    public void OfRatioToProduct_AnyScale_MatchesTheLogarithmsTakenApart(double p, double a, double b)
    {
        // ln(p/(a·b)) = ln p − ln a − ln b; the quotient itself overflows (rows 2, 3) or is subnormal (row 4).
        double expected = Math.Log(p) - Math.Log(a) - Math.Log(b);

        Log.OfRatioToProduct(p, a, b).Should().BeApproximately(expected, 1e-13 * Math.Max(1, Math.Abs(expected)));
    }
}
