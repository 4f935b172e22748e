using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The table-driven exponential of the power sums (<see cref="Exp.ReduceSixteenths{T}"/>, <see cref="Exp.TailSixteenths{T}"/>,
/// <see cref="IVectorLanes{TSelf}.PowerOfTwoSixteenths"/>) against <see cref="Math.Exp(double)"/> and <see cref="Math.Pow(double, double)"/>,
/// at every width.
/// </summary>
public class ExpTests
{
    private const double Magic = 6755399441055744.0; // 1.5·2^52, as Exp.ReduceSixteenths adds it

    [Fact]
    public void PowerOfTwoSixteenths_EveryExponentInRange_IsTwoToThePowerOnEveryWidth()
    {
        // n/16 from −1022 to 1023 + 15/16, eight consecutive n per register so that each lane picks its own entry:
        // 2^(j/16) (j = n mod 16) rounded once by Math.Pow, then scaled exactly by 2^⌊n/16⌋.
        var rounded = new double[8];
        for (int first = -1022 * 16; first < 1024 * 16; first += 8)
        {
            double[] expected = new double[8];
            for (int lane = 0; lane < 8; lane++)
            {
                int n = first + lane;
                int k = (int)Math.Floor(n / 16.0);
                rounded[lane] = n + Magic;
                expected[lane] = Math.ScaleB(Math.Pow(2, (n - (16 * k)) / 16.0), k);
            }

            foreach (double[] lanes in new[] { Sixteenths<ScalarLanes>(rounded), Sixteenths<Vector256Lanes>(rounded), Sixteenths<Vector512Lanes>(rounded) })
            {
                if (!lanes.SequenceEqual(expected))
                {
                    lanes.Should().Equal(expected, $"2^(n/16) for n from {first}");
                }
            }
        }
    }

    [Fact]
    public void SixteenthsReduction_RandomArguments_IsWithinOneUlpOfMathExpOnEveryWidth()
    {
        var rng = new Random(16);
        for (int i = 0; i < 20_000; i++)
        {
            // Half over the whole clamped range, half near 0, where e^x − 1 must keep its relative accuracy.
            double x = i % 2 == 0 ? -708 + (1417.7 * rng.NextDouble()) : (rng.NextDouble() - 0.5) * Math.Pow(10, -rng.Next(1, 12));
            double[] lanes = Exponential(x, out double[] lessOne);
            double expected = Math.Exp(x);
            double ulp = Math.BitIncrement(expected) - expected;
            double expectedLessOne = ExpMinusOneBySeries(x);
            double ulpLessOne = Math.BitIncrement(Math.Abs(expectedLessOne)) - Math.Abs(expectedLessOne);
            if (lanes.Any(v => Math.Abs(v - expected) > ulp) || (Math.Abs(x) < 0.02 && lessOne.Any(v => Math.Abs(v - expectedLessOne) > 4 * ulpLessOne)))
            {
                lanes.Should().AllSatisfy(v => v.Should().BeApproximately(expected, ulp), $"e^{x:R}");
                lessOne.Should().AllSatisfy(v => v.Should().BeApproximately(expectedLessOne, 4 * ulpLessOne), $"e^{x:R} − 1");
            }

            lanes.Should().AllBeEquivalentTo(lanes[0], "every width runs the same arithmetic");
        }
    }

    // e^x − 1 = x(1 + x/2(1 + x/3(1 + …))) for |x| < 0.02, twelve terms (the next is below 1e-30 of the sum): a few ulps,
    // where Math.Exp(x) − 1 would lose every digit below 1e-16 to cancellation.
    private static double ExpMinusOneBySeries(double x)
    {
        double sum = 1.0;
        for (int k = 12; k >= 2; k--)
        {
            sum = 1.0 + (x / k * sum);
        }

        return x * sum;
    }

    private static double[] Sixteenths<T>(double[] rounded)
        where T : struct, IVectorLanes<T>
    {
        var result = new double[rounded.Length];
        for (int i = 0; i < rounded.Length; i += T.Count)
        {
            T.Store(T.PowerOfTwoSixteenths(T.Load(ref rounded[0], i)), ref result[0], i);
        }

        return result;
    }

    private static double[] Exponential(double x, out double[] lessOne)
    {
        (double Exp, double LessOne)[] all = [ExpOf<ScalarLanes>(x), ExpOf<Vector256Lanes>(x), ExpOf<Vector512Lanes>(x)];
        lessOne = [.. all.Select(e => e.LessOne)];
        return [.. all.Select(e => e.Exp)];
    }

    // e^x = s(e^r − 1) + s and e^x − 1 = s(e^r − 1) + (s − 1), as the power sums form them.
    private static (double Exp, double LessOne) ExpOf<T>(double x)
        where T : struct, IVectorLanes<T>
    {
        T r = Exp.ReduceSixteenths(T.Create(x), out T s);
        T r2 = r * r;
        T rm1 = T.FusedMultiplyAdd(r2, Exp.TailSixteenths(r, r2), r);
        return (T.MinLane(T.FusedMultiplyAdd(s, rm1, s)), T.MinLane(T.FusedMultiplyAdd(s, rm1, s - T.Create(1.0))));
    }
}
