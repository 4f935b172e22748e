using CsCheck;

namespace InfoTheory.Tests;

public class EntropyGeneralizedTests
{
    private static readonly double[] P = [0.1, 0.2, 0.3, 0.4];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(double.PositiveInfinity)]
    public void Renyi_UniformOverEight_IsThreeBitsAtEveryOrder(double alpha)
    {
        // dit docs, other/renyi_entropy: the Rényi entropy of a uniform distribution is log₂|X| for every α; |X| = 8 → 3 bits.
        double[] uniform = [.. Enumerable.Repeat(0.125, 8)];

        Entropy.Renyi(uniform, alpha, LogBase.Bits).Should().BeApproximately(3.0, 1e-14);
    }

    [Theory]
    [InlineData(3.0, 2.6611840717104625)]
    [InlineData(0.0, 4.0)]
    [InlineData(1.0, 2.9688513169509623)]
    [InlineData(2.0, 2.7607270851693615)]
    [InlineData(double.PositiveInfinity, 2.275104563096674)]
    public void Renyi_BinomialFifteenPointFour_MatchesDitDocs(double alpha, double bits)
    {
        // dit docs, other/renyi_entropy: d = binomial(15, 0.4); renyi_entropy(d, α) for α = 3, 0, 1, 2, ∞ (bits).
        double[] d = [.. Enumerable.Range(0, 16).Select(k => Binomial(15, k) * Math.Pow(0.4, k) * Math.Pow(0.6, 15 - k))];

        Entropy.Renyi(d, alpha, LogBase.Bits).Should().BeApproximately(bits, 1e-13);
    }

    [Theory]
    [InlineData(0.5, 1.3291038624915945496)]
    [InlineData(2.0, 1.2039728043259359926)]
    [InlineData(3.5, 1.1310065634777456473)]
    public void Renyi_FourOutcomes_MatchesFortyDigitValue(double alpha, double nats)
    {
        // mpmath, 40 digits: log(fsum(x**a for x in p)) / (1 - a), p = (0.1, 0.2, 0.3, 0.4).
        Entropy.Renyi(P, alpha).Should().BeApproximately(nats, 2e-15);
    }

    [Fact]
    public void Renyi_OrderZeroWithZeros_IsLogOfTheSupportSize()
    {
        // Hartley: log |{i : pᵢ > 0}|; zeros count as 0^α = 0, the α → 0⁺ limit.
        Entropy.Renyi([0.5, 0, 0.25, 0, 0.25], 0).Should().Be(Math.Log(3));
    }

    [Fact]
    public void Renyi_OrderInfinity_IsMinusLogOfTheLargestProbability()
    {
        Entropy.Renyi(P, double.PositiveInfinity).Should().Be(-Math.Log(0.4));
    }

    [Theory]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    [InlineData(1e-6)]
    public void Renyi_NearOrderOne_FollowsShannonAlongItsSlope(double epsilon)
    {
        // dH_α/dα at α = 1 is −½Var[ln p] (Taylor expansion of ln Σ pᵢe^(ε ln pᵢ)), and the next term is O(ε²). A form that
        // took ln Σ pᵢ^α directly would be off by about 1e-16/ε ≈ 1e-7 at ε = 1e-9.
        double h = Entropy.Shannon(P);
        double variance = P.Sum(v => v * Math.Log(v) * Math.Log(v)) - (h * h);

        Entropy.Renyi(P, 1 + epsilon).Should().BeApproximately(h - (epsilon / 2 * variance), 1e-15 + (epsilon * epsilon));
    }

    [Fact]
    public void Renyi_IncreasingOrder_NeverIncreases()
    {
        // dit docs, other/renyi_entropy: "the Rényi entropy is a monotonically decreasing function in α".
        double[] orders = [0, 0.1, 0.5, 1 - 1e-9, 1, 1 + 1e-9, 2, 7.5, 50, 300, 1e6, double.PositiveInfinity];
        Gen.Int.Sample(seed =>
        {
            double[] p = ProbabilityVectorSamples.Vector(new Random(seed), 1 + (seed & 63));
            double[] h = [.. orders.Select(a => Entropy.Renyi(p, a))];
            for (int i = 1; i < h.Length; i++)
            {
                h[i].Should().BeLessThanOrEqualTo(h[i - 1] + 1e-13, $"α = {orders[i]} after {orders[i - 1]}");
            }
        }, iter: 200);
    }

    [Fact]
    public void Renyi_OrderWhosePowersUnderflow_StaysFinite()
    {
        // Σ pᵢ^α underflows a double for α = 500 over 1031 outcomes; the uniform answer is ln 1031 at every α, and a large order
        // of a skewed p sits just above the min-entropy: H_α − H_∞ = (ln p_max + ln Σ (pᵢ/p_max)^α)/(1 − α), here ln(0.4·1)/(1 − α).
        double[] uniform = [.. Enumerable.Repeat(1.0 / 1031, 1031)];

        Entropy.Renyi(uniform, 500).Should().BeApproximately(Math.Log(1031), 1e-13);
        Entropy.Renyi(P, 1e6).Should().BeApproximately(-Math.Log(0.4) + (Math.Log(0.4) / (1 - 1e6)), 1e-15);
    }

    [Fact]
    public void Renyi_InBits_IsNatsOverLn2()
    {
        Entropy.Renyi(P, 2, LogBase.Bits).Should().BeApproximately(Entropy.Renyi(P, 2) / Math.Log(2), 1e-15);
    }

    [Theory]
    [InlineData(0.5, 1.8872389021112757047)]
    [InlineData(2.0, 0.7)]
    [InlineData(3.5, 0.37633616014687550322)]
    public void Tsallis_FourOutcomes_MatchesFortyDigitValue(double q, double expected)
    {
        // mpmath, 40 digits: (1 - fsum(x**q for x in p)) / (q - 1), p = (0.1, 0.2, 0.3, 0.4); q = 2 is 1 − Σ p² = 0.7.
        Entropy.Tsallis(P, q).Should().BeApproximately(expected, 2e-15);
    }

    [Fact]
    public void Tsallis_IndexZero_IsTheSupportSizeLessOne()
    {
        Entropy.Tsallis([0.5, 0, 0.25, 0.25], 0).Should().BeApproximately(2, 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(3.7)]
    public void Tsallis_IndependentPair_IsPseudoAdditive(double q)
    {
        // Tsallis (1988): S_q(A, B) = S_q(A) + S_q(B) + (1 − q)·S_q(A)·S_q(B) for independent A and B.
        double[] a = [0.2, 0.5, 0.3];
        double[] b = [0.6, 0.1, 0.25, 0.05];
        double[] joint = [.. a.SelectMany(x => b.Select(y => x * y))];
        double sa = Entropy.Tsallis(a, q), sb = Entropy.Tsallis(b, q);

        Entropy.Tsallis(joint, q).Should().BeApproximately(sa + sb + ((1 - q) * sa * sb), 1e-14);
    }

    [Theory]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    public void Tsallis_NearIndexOne_FollowsShannonAlongItsSlope(double epsilon)
    {
        // dS_q/dq at q = 1 is −½Σ pᵢ ln² pᵢ (expansion of −Σ pᵢ(e^(ε ln pᵢ) − 1)/ε); next term O(ε²).
        double slope = -0.5 * P.Sum(v => v * Math.Log(v) * Math.Log(v));

        Entropy.Tsallis(P, 1 + epsilon).Should().BeApproximately(Entropy.Shannon(P) + (epsilon * slope), 1e-15);
    }

    [Fact]
    public void Tsallis_IndexOne_IsShannonInNats()
    {
        Entropy.Tsallis(P, 1).Should().Be(Entropy.Shannon(P));
    }

    [Fact]
    public void RenyiAndTsallis_FloatInput_EqualTheDoubleOverloadOnTheWidenedValues()
    {
        float[] p = ProbabilityVectorSamples.FloatVector(new Random(7), 1031);
        double[] wide = [.. p.Select(v => (double)v)];

        foreach (double order in new[] { 0, 0.5, 1, 2, 40, double.PositiveInfinity })
        {
            Entropy.Renyi(p, order).Should().Be(Entropy.Renyi(wide, order), $"α = {order}");
        }

        Entropy.Tsallis(p, 2.5).Should().Be(Entropy.Tsallis(wide, 2.5));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    [InlineData(double.NegativeInfinity)]
    public void Renyi_BadOrder_ThrowsNamingAlpha(double alpha)
    {
        Action act = () => Entropy.Renyi(P, alpha);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(alpha)).WithMessage("*order must be*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Tsallis_BadIndex_ThrowsNamingQ(double q)
    {
        Action act = () => Entropy.Tsallis(P, q);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(q));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(double.PositiveInfinity)]
    public void RenyiAndTsallis_NotAProbabilityVector_ThrowNamingP(double order)
    {
        Action renyi = () => Entropy.Renyi([0.5, 0.6], order);
        Action tsallis = () => Entropy.Tsallis([0.5, -0.1, 0.6], double.IsInfinity(order) ? 2 : order);
        Action empty = () => Entropy.Renyi([], order);

        renyi.Should().Throw<ArgumentException>().WithParameterName("p");
        tsallis.Should().Throw<ArgumentException>().WithParameterName("p");
        empty.Should().Throw<ArgumentException>().WithParameterName("p");
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c;
    }
}
