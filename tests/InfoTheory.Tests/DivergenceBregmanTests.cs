using CsCheck;

namespace InfoTheory.Tests;

public class DivergenceBregmanTests
{
    // x has a zero for the generalized KL; xPositive replaces it for Itakura–Saito.
    private static readonly double[] X = [0.5, 2.0, 3.0, 0.0];
    private static readonly double[] XPositive = [0.5, 2.0, 3.0, 0.25];
    private static readonly double[] Y = [1.0, 1.5, 4.0, 2.0];

    /// <summary>φ(x) = Σ xᵢ² with ∇φ = 2x, as a caller would write it.</summary>
    private static readonly BregmanGenerator UserSquaredEuclidean = new(
        x => { double s = 0; foreach (double v in x) { s += v * v; } return s; },
        (x, g) => { for (int i = 0; i < x.Length; i++) { g[i] = 2 * x[i]; } });

    /// <summary>φ(x) = Σ xᵢ ln xᵢ − xᵢ with ∇φ = ln x (positive x only: ln 0 is not finite).</summary>
    private static readonly BregmanGenerator UserNegativeEntropy = new(
        x => { double s = 0; foreach (double v in x) { s += v == 0 ? 0 : (v * Math.Log(v)) - v; } return s; },
        (x, g) => { for (int i = 0; i < x.Length; i++) { g[i] = Math.Log(x[i]); } });

    /// <summary>φ(x) = −Σ ln xᵢ with ∇φ = −1/x.</summary>
    private static readonly BregmanGenerator UserBurg = new(
        x => { double s = 0; foreach (double v in x) { s -= Math.Log(v); } return s; },
        (x, g) => { for (int i = 0; i < x.Length; i++) { g[i] = -1 / x[i]; } });

    [Fact]
    public void NamedGenerators_MatchScipy()
    {
        // scipy 1.10.1 / numpy 1.24.2, x = [.5, 2, 3, 0], y = [1, 1.5, 4, 2]:
        // distance.sqeuclidean(x, y) = 5.5; special.kl_div(x, y).sum() = 2.365744337268246;
        // x = [.5, 2, 3, .25]: np.sum(x/y - np.log(x/y) - 1) = 1.4809220555731144.
        Divergence.Bregman(X, Y, BregmanGenerator.SquaredEuclidean).Should().BeApproximately(5.5, 1e-15);
        Divergence.Bregman(X, Y, BregmanGenerator.GeneralizedKullbackLeibler).Should().BeApproximately(2.365744337268246, 1e-15);
        Divergence.Bregman(XPositive, Y, BregmanGenerator.ItakuraSaito).Should().BeApproximately(1.4809220555731144, 1e-15);
    }

    [Fact]
    public void NamedGenerators_AreNonNegative_AndZeroExactlyAtEqualPoints()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] x = [.. Enumerable.Range(0, n).Select(_ => Math.Exp((rng.NextDouble() * 10) - 5))];
            double[] y = [.. x.Select(v => rng.Next(4) == 0 ? v : v * Math.Exp(rng.NextDouble() - 0.5))];
            foreach (BregmanGenerator generator in new[] { BregmanGenerator.SquaredEuclidean, BregmanGenerator.GeneralizedKullbackLeibler, BregmanGenerator.ItakuraSaito })
            {
                Divergence.Bregman(x, x, generator).Should().Be(0);
                if (!x.SequenceEqual(y))
                {
                    Divergence.Bregman(x, y, generator).Should().BePositive();
                }
            }
        }, iter: 500);
    }

    [Fact]
    public void SquaredEuclidean_IsTheSquaredDistance()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] x = [.. Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 20) - 10)];
            double[] y = [.. Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 20) - 10)];
            double squared = x.Zip(y, (a, b) => (a - b) * (a - b)).Sum();
            Divergence.Bregman(x, y, BregmanGenerator.SquaredEuclidean).Should().BeApproximately(squared, 1e-12 * squared);
        }, iter: 300);
    }

    [Fact]
    public void GeneralizedKullbackLeibler_OfProbabilityVectors_IsKullbackLeibler()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            double kl = Divergence.KullbackLeibler(p, q);
            Divergence.Bregman(p, q, BregmanGenerator.GeneralizedKullbackLeibler).Should().BeApproximately(kl, 1e-13 * (1 + kl));
        }, iter: 300);
    }

    [Fact]
    public void UserGenerators_EqualTheNamedOnes()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300);
            double[] x = [.. Enumerable.Range(0, n).Select(_ => Math.Exp((rng.NextDouble() * 4) - 2))];
            double[] y = [.. Enumerable.Range(0, n).Select(_ => Math.Exp((rng.NextDouble() * 4) - 2))];
            double euclidean = Divergence.Bregman(x, y, BregmanGenerator.SquaredEuclidean);
            double kl = Divergence.Bregman(x, y, BregmanGenerator.GeneralizedKullbackLeibler);
            double itakuraSaito = Divergence.Bregman(x, y, BregmanGenerator.ItakuraSaito);
            Divergence.Bregman(x, y, UserSquaredEuclidean).Should().BeApproximately(euclidean, 1e-11 * (1 + euclidean));
            Divergence.Bregman(x, y, UserNegativeEntropy).Should().BeApproximately(kl, 1e-11 * (1 + kl));
            Divergence.Bregman(x, y, UserBurg).Should().BeApproximately(itakuraSaito, 1e-11 * (1 + itakuraSaito));
        }, iter: 200);
    }

    [Fact]
    public void UserGenerator_QuadraticForm_IsTheMahalanobisSquare()
    {
        // φ(x) = xᵀAx with A = [[2, 1], [1, 3]] is not separable; D_φ(x, y) = (x − y)ᵀA(x − y) = [1, −2]A[1, −2]ᵀ = 2 − 4 + 12 = 10.
        var quadratic = new BregmanGenerator(
            x => (2 * x[0] * x[0]) + (2 * x[0] * x[1]) + (3 * x[1] * x[1]),
            (x, g) => { g[0] = (4 * x[0]) + (2 * x[1]); g[1] = (2 * x[0]) + (6 * x[1]); });
        Divergence.Bregman([2.0, -1.0], [1.0, 1.0], quadratic).Should().BeApproximately(10, 1e-14);
    }

    [Fact]
    public void UserGenerator_LongVector_UsesAPooledGradientAndAgrees()
    {
        // Past the 256 entries the stack holds, ∇φ goes to a pooled array.
        double[] x = [.. Enumerable.Range(1, 1031).Select(i => i / 100.0)];
        double[] y = [.. x.Select(v => v + 0.5)];
        Divergence.Bregman(x, y, UserSquaredEuclidean).Should().BeApproximately(1031 * 0.25, 1e-9);
    }

    [Fact]
    public void ItakuraSaito_NearlyEqualPoints_KeepTheirTinyDivergence()
    {
        // mpmath 1.x at 50 digits, x = 1, y = 1.000000001 (the double): x/y − ln(x/y) − 1 = 5.0000008207370759068e-19;
        // x/y − ln(x/y) − 1 in double arithmetic is 0 or rounding noise of 1e-16.
        Divergence.Bregman([1.0], [1.000000001], BregmanGenerator.ItakuraSaito).Should().BeApproximately(5.0000008207370759068e-19, 1e-27);
    }

    [Fact]
    public void ItakuraSaito_FarApartPoints_KeepFullRelativeAccuracy()
    {
        // mpmath 1.3.0 at 60 digits, u = x/y of the doubles: u − 1 − ln u = 2.7942598532568859938e262 (u ≈ 2.8e262, where
        // e^ln(u) − 1 − ln(u) loses 5.7e-14 relative), and 712.80137882815416202 (u = 1e-310, below the normal range).
        Divergence.Bregman([0.0021351814364077037], [7.64131307945113E-266], BregmanGenerator.ItakuraSaito)
            .Should().BeApproximately(2.7942598532568859938e262, 2e-15 * 2.7942598532568859938e262);
        Divergence.Bregman([1e-300], [1e10], BregmanGenerator.ItakuraSaito).Should().BeApproximately(712.80137882815416202, 2e-15 * 712.8);
    }

    [Fact]
    public void QuotientsPastTheDoubleRange_FollowTheirRules()
    {
        // y/x = 1e310 is past the largest double: the generalized KL term is y + x·ln(x/y) − x = 1e10 − 7.1e-298, 1e10 in double;
        // Itakura–Saito is +∞ from x/y > e^709 ≈ 8.2e307 on, and finite below: x/y = e^708 gives u − 1 − ln u = e^708 − 709.
        Divergence.Bregman([1e-300, 1.0], [1e10, 1.0], BregmanGenerator.GeneralizedKullbackLeibler).Should().Be(1e10);
        Divergence.Bregman([1e300], [1e-10], BregmanGenerator.ItakuraSaito).Should().Be(double.PositiveInfinity);
        double below = Math.Exp(708);
        Divergence.Bregman([below], [1.0], BregmanGenerator.ItakuraSaito).Should().BeApproximately(below - 709, 1e-14 * below);
    }

    [Fact]
    public void GeneralizedKullbackLeibler_NearlyEqualPoints_KeepTheirTinyDivergence()
    {
        // mpmath 1.x at 50 digits, x = 1, y = 1.000000001 (the double): x ln(x/y) − x + y = 5.0000008240704100625e-19,
        // where x·ln(x/y) and y − x are 1e-9 and cancel.
        Divergence.Bregman([1.0], [1.000000001], BregmanGenerator.GeneralizedKullbackLeibler).Should().BeApproximately(5.0000008240704100625e-19, 1e-27);
    }

    [Fact]
    public void GeneralizedKullbackLeibler_ZeroRules()
    {
        // x = 0 leaves the term y (0·log 0 = 0); y = 0 < x is +∞.
        Divergence.Bregman([0.0, 1.0], [2.0, 1.0], BregmanGenerator.GeneralizedKullbackLeibler).Should().Be(2);
        Divergence.Bregman([1.0, 1.0], [0.0, 1.0], BregmanGenerator.GeneralizedKullbackLeibler).Should().Be(double.PositiveInfinity);
        Divergence.Bregman([0.0, 1.0], [0.0, 1.0], BregmanGenerator.GeneralizedKullbackLeibler).Should().Be(0);
    }

    [Fact]
    public void Bregman_BadInput_ThrowsNamingTheParameter()
    {
        FluentActions.Invoking(() => Divergence.Bregman([], [], BregmanGenerator.SquaredEuclidean)).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, 2.0], [1.0], BregmanGenerator.SquaredEuclidean)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, double.NaN], [1.0, 2.0], BregmanGenerator.SquaredEuclidean)).Should().Throw<ArgumentException>()
            .WithParameterName("x").WithMessage("x[1] is NaN*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, 2.0], [double.PositiveInfinity, 2.0], BregmanGenerator.GeneralizedKullbackLeibler)).Should()
            .Throw<ArgumentException>().WithParameterName("y").WithMessage("y[0] is Infinity*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, 2.0], [1.0, -2.0], BregmanGenerator.GeneralizedKullbackLeibler)).Should()
            .Throw<ArgumentException>().WithParameterName("y").WithMessage("y[1] is -2; values must be finite and >= 0.*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, 0.0], [1.0, 2.0], BregmanGenerator.ItakuraSaito)).Should()
            .Throw<ArgumentException>().WithParameterName("x").WithMessage("x[1] is 0; values must be finite and > 0.*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, -1.0], [1.0, 2.0], UserBurg)).Should()
            .Throw<ArgumentException>().WithParameterName("x").WithMessage("the generator's φ(x) is NaN*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0, 1.0], [1.0, 0.0], UserNegativeEntropy)).Should()
            .Throw<ArgumentException>().WithParameterName("y").WithMessage("the generator's ∇φ(y)[1] is -Infinity*");
        FluentActions.Invoking(() => Divergence.Bregman([1.0], [1.0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("generator");
    }
}
