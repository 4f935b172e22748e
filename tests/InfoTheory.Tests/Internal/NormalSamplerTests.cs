using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class NormalSamplerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void Fill_AnyLength_IsBoxMullerOnConsecutiveUniforms(int length)
    {
        // Box & Muller (1958): from u₁ ∈ (0, 1] and u₂ ∈ [0, 1), r = √(−2 ln u₁) and θ = 2πu₂ give r cos θ and r sin θ.
        var draws = new double[length];
        NormalSampler.Fill(new Random(11), 1.5, 2.0, draws);

        var uniforms = new Random(11);
        var expected = new double[length];
        for (int i = 0; i < length; i += 2)
        {
            double r = Math.Sqrt(-2.0 * Math.Log(1.0 - uniforms.NextDouble()));
            double theta = 2.0 * Math.PI * uniforms.NextDouble();
            expected[i] = 1.5 + (2.0 * r * Math.Cos(theta));
            if (i + 1 < length)
            {
                expected[i + 1] = 1.5 + (2.0 * r * Math.Sin(theta));
            }
        }

        draws.Should().Equal(expected);
    }

    [Fact]
    public void Fill_EvenPieces_GiveTheStreamOfOneLongFill()
    {
        // One uniform per draw (no rejection): a caller filling a buffer piece by piece gets the same values.
        var whole = new double[12];
        NormalSampler.Fill(new Random(3), whole);
        var pieces = new double[12];
        var random = new Random(3);
        NormalSampler.Fill(random, pieces.AsSpan(0, 4));
        NormalSampler.Fill(random, pieces.AsSpan(4, 8));

        pieces.Should().Equal(whole);
    }
}
