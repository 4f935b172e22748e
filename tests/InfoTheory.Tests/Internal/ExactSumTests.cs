using System.Buffers;
using System.Numerics;
using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class ExactSumTests
{
    [Fact]
    public void Add_MixedMagnitudes_EqualsBigIntegerSum()
    {
        double[] values = [1e308, -1e308, 1.0, 1e-300, double.Epsilon, -double.Epsilon * 3, 0.1, -0.3, 1e16, 1.0, -1e16, double.MaxValue, double.MaxValue];
        var sum = new ExactSum();
        BigInteger expected = BigInteger.Zero;
        foreach (double v in values)
        {
            sum.Add(v);
            expected += Scaled(v);
        }

        Limbs(sum).Should().Be(expected);
    }

    [Fact]
    public void AddProduct_RandomAndExtremeFactors_EqualsBigIntegerSumOfProducts()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            var sum = new ExactSum();
            BigInteger expected = BigInteger.Zero;
            for (int i = 0; i < 50; i++)
            {
                double a = RandomDouble(rng), b = RandomDouble(rng);
                sum.AddProduct(a, b);
                // a·b = (ma 2^ea)(mb 2^eb); Scaled gives each times 2^2176, so their product carries 2^4352: divide one 2^2176 back out exactly.
                expected += Scaled(a) * Scaled(b) >> 2176;
            }

            Limbs(sum).Should().Be(expected);
        }, iter: 200);
    }

    [Fact]
    public void Merge_AnyOrder_GivesIdenticalState()
    {
        var rng = new Random(7);
        double[] values = [.. Enumerable.Range(0, 300).Select(_ => RandomDouble(rng))];
        var one = new ExactSum();
        foreach (double v in values)
        {
            one.Add(v);
        }

        var parts = new[] { new ExactSum(), new ExactSum(), new ExactSum() };
        for (int i = 0; i < values.Length; i++)
        {
            parts[(i * 7) % 3].Add(values[values.Length - 1 - i]);
        }

        parts[2].Merge(parts[0]);
        parts[1].Merge(parts[2]);

        Bytes(parts[1]).Should().Equal(Bytes(one));
        parts[1].ToDoubleDouble().Should().Be(one.ToDoubleDouble());
    }

    [Fact]
    public void ToDoubleDouble_CancellingSum_KeepsTheSmallPart()
    {
        var sum = new ExactSum();
        sum.Add(1e20);
        sum.Add(3.0);
        sum.Add(-1e20);
        sum.Add(1e-20);

        DoubleDouble value = sum.ToDoubleDouble();

        value.Hi.Should().Be(3.0);
        value.Lo.Should().Be(1e-20);
    }

    [Fact]
    public void ToDoubleDouble_RandomSums_IsWithinOneUlpOfTheExactValue()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            var sum = new ExactSum();
            BigInteger expected = BigInteger.Zero;
            for (int i = 0; i < 20; i++)
            {
                double v = (rng.NextDouble() - 0.5) * Math.ScaleB(1, rng.Next(-60, 60));
                sum.Add(v);
                expected += Scaled(v);
            }

            // The exact sum times 2^900 (bits below 2^-900 dropped, far below these values' precision), scaled back exactly.
            double exact = Math.ScaleB((double)(expected >> 1276), -900);
            DoubleDouble value = sum.ToDoubleDouble();
            Math.Abs(value.Hi - exact).Should().BeLessThanOrEqualTo(Math.BitIncrement(Math.Abs(exact)) - Math.Abs(exact));
        }, iter: 200);
    }

    [Fact]
    public void ToDoubleDouble_Shift_ScalesByAPowerOfTwo()
    {
        var sum = new ExactSum();
        sum.Add(double.MaxValue);
        sum.Add(double.MaxValue);

        sum.ToDoubleDouble().Hi.Should().Be(double.PositiveInfinity);
        sum.ToDoubleDouble(-1).Hi.Should().Be(double.MaxValue);
    }

    [Fact]
    public void WriteRead_RoundTrips_NegativeSums()
    {
        var sum = new ExactSum();
        sum.Add(-5.5);
        sum.AddProduct(-1e-200, 3e-200);
        byte[] bytes = Bytes(sum);
        var reader = new PayloadReader(bytes, "test");

        ExactSum read = ExactSum.Read(ref reader);

        Limbs(read).Should().Be(Limbs(sum));
        read.IsNegative.Should().BeTrue();
    }

    // The exact value of v times 2^2176, an integer for every finite double.
    private static BigInteger Scaled(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        BigInteger m = biased == 0 ? fraction : fraction | (1L << 52);
        int e = (biased == 0 ? -1074 : biased - 1075) + 2176;
        BigInteger value = m << e;
        return bits < 0 ? -value : value;
    }

    private static double RandomDouble(Random rng) => rng.Next(6) switch
    {
        0 => BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7FF0_0000_0000_0000L)) * (rng.Next(2) == 0 ? 1 : -1),
        1 => double.Epsilon * rng.Next(1, 1000),
        2 => -double.MaxValue * rng.NextDouble(),
        3 => 0.0,
        _ => (rng.NextDouble() - 0.5) * 1000,
    };

    private static byte[] Bytes(ExactSum sum)
    {
        var writer = new ArrayBufferWriter<byte>();
        sum.Write(writer);
        return writer.WrittenSpan.ToArray();
    }

    // The integer the limbs hold: Σ limb_k 2^(32k), limbs little-endian, the top one signed.
    private static BigInteger Limbs(ExactSum sum) => new(Bytes(sum), isUnsigned: false, isBigEndian: false);
}
