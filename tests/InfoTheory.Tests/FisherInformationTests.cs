using CsCheck;

namespace InfoTheory.Tests;

public class FisherInformationTests
{
    [Fact]
    public void Categorical_ThreeOutcomes_IsDiagonalOverPPlusOneOverLast()
    {
        // G_ij = δ_ij/p_i + 1/p_3 with p = (0.2, 0.3, 0.5): by hand.
        double[,] g = FisherInformation.Categorical([0.2, 0.3, 0.5]);

        g.Should().BeEquivalentTo(new double[,] { { 5 + 2, 2 }, { 2, (1 / 0.3) + 2 } }, o => o
            .Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-14)).WhenTypeIs<double>());
    }

    [Fact]
    public void Categorical_RandomDistributions_EqualsTheDefinitionAsExpectedScoreProduct()
    {
        // G_ij = Σ_k p_k ∂_i log p_k ∂_j log p_k with ∂_i log p_k = δ_ik/p_k − δ_kn/p_n in the coordinates ξ = (p_1..p_{n−1}).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double[] p = DiscreteSamples.Positive(rng, rng.Next(2, 9));
            int m = p.Length - 1;
            var g = new double[m * m];
            FisherInformation.Categorical(p, g);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    double expected = 0;
                    for (int k = 0; k < p.Length; k++)
                    {
                        double di = (k == i ? 1 / p[k] : 0) - (k == m ? 1 / p[m] : 0);
                        double dj = (k == j ? 1 / p[k] : 0) - (k == m ? 1 / p[m] : 0);
                        expected += p[k] * di * dj;
                    }

                    g[(i * m) + j].Should().BeApproximately(expected, 1e-9 * expected);
                }
            }
        }, iter: 1000);
    }

    [Fact]
    public void QuadraticForm_MatchesKullbackLeiblerToSecondOrder()
    {
        // KL(p ‖ p + dp) = −Σ p log(1 + x), x = dp/p, Σ dp = 0, so KL − ½dξᵀGdξ = Σ p (−x³/3 + x⁴/4 − …), bounded by
        // Σ |dp|³/p² when |x| ≤ 1/3: the error is O(ε³) and the ratio tends to 1.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double[] p = DiscreteSamples.Positive(rng, rng.Next(2, 9));
            int m = p.Length - 1;
            double[] d = [.. Enumerable.Range(0, m).Select(_ => (rng.NextDouble() * 2) - 1)];
            double norm = Math.Sqrt(d.Sum(v => v * v));
            var deviation = new double[2];
            for (int e = 0; e < 2; e++)
            {
                double epsilon = e == 0 ? 1e-4 : 1e-5;
                double[] step = [.. d.Select(v => v / norm * epsilon)];
                double[] q = [.. p];
                for (int i = 0; i < m; i++)
                {
                    q[i] += step[i];
                    q[m] -= step[i];
                }

                double cubicBound = 0, largestX = 0;
                for (int i = 0; i < p.Length; i++)
                {
                    double dp = q[i] - p[i];
                    cubicBound += Math.Abs(dp * dp * dp) / (p[i] * p[i]);
                    largestX = Math.Max(largestX, Math.Abs(dp / p[i]));
                }

                double kl = Divergence.KullbackLeibler(p, q), quadratic = FisherInformation.QuadraticForm(p, step);
                Math.Abs(kl - quadratic).Should().BeLessThanOrEqualTo(cubicBound + 1e-17);
                deviation[e] = Math.Abs((kl / quadratic) - 1);
                deviation[e].Should().BeLessThanOrEqualTo(largestX);
            }

            // A tenfold smaller step brings the ratio about tenfold closer to 1 (the next order and rounding in KL blur it slightly).
            deviation[1].Should().BeLessThanOrEqualTo((0.15 * deviation[0]) + 1e-6);
        }, iter: 1000);
    }

    [Fact]
    public void QuadraticForm_EqualsHalfStepGStep()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4], step = [0.01, -0.02, 0.005];
        double[,] g = FisherInformation.Categorical(p);
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                expected += 0.5 * step[i] * g[i, j] * step[j];
            }
        }

        FisherInformation.QuadraticForm(p, step).Should().BeApproximately(expected, 1e-16);
    }

    [Fact]
    public void Categorical_InvalidDistribution_Throws()
    {
        var notNormalised = () => FisherInformation.Categorical([0.5, 0.6]);
        var single = () => FisherInformation.Categorical([1.0]);
        var boundary = () => FisherInformation.Categorical([0.5, 0, 0.5]);

        notNormalised.Should().Throw<ArgumentException>().WithParameterName("p");
        single.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("*at least 2 outcomes*");
        boundary.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[1] is 0*");
    }

    [Fact]
    public void Categorical_WrongDestinationLength_Throws()
    {
        var act = () => FisherInformation.Categorical([0.25, 0.25, 0.5], new double[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void QuadraticForm_BadStep_Throws()
    {
        var length = () => FisherInformation.QuadraticForm([0.5, 0.5], [0.1, 0.1]);
        var nan = () => FisherInformation.QuadraticForm([0.5, 0.5], [double.NaN]);

        length.Should().Throw<ArgumentException>().WithParameterName("step");
        nan.Should().Throw<ArgumentException>().WithParameterName("step");
    }

    [Fact]
    public void Categorical_MatrixPastIntMaxValue_ThrowsNamingP()
    {
        // n = 46342 gives (n − 1)² = 2 147 488 281 > int.MaxValue; the product used to wrap to a negative length.
        double[] p = [.. Enumerable.Repeat(1.0 / 46342, 46342)];

        var act = () => FisherInformation.Categorical(p, Span<double>.Empty);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("p").WithMessage("*46341 × 46341*");
    }
}
