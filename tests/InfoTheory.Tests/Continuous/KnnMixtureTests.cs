using InfoTheory.Continuous;
using MathNet.Numerics;

namespace InfoTheory.Tests.Continuous;

public class KnnMixtureTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void MixtureMutualInformation_ZeroInflatedAndCodes_MatchesBruteForceOfTheAuthorsForm(int k)
    {
        // X: a category code 0..3 beside a continuous coordinate; Y: zero with probability 0.4, else continuous.
        var random = new Random(k);
        int n = 400;
        var x = new double[2 * n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = random.Next(4);
            x[(2 * i) + 1] = random.NextDouble();
            y[i] = random.NextDouble() < 0.4 ? 0.0 : x[2 * i] + random.NextDouble();
        }

        Knn.MixtureMutualInformation(x, 2, y, 1, k).Value.Should().BeApproximately(BruteForceGao(x, 2, y, 1, k), 1e-12);
    }

    [Fact]
    public void MixtureMutualInformation_PurelyDiscrete_MatchesBruteForceOfTheAuthorsForm()
    {
        // Every row sits on an atom: ρ = 0 almost everywhere, and rare joint values (fewer than k + 1 copies) take the ρ > 0 branch.
        var random = new Random(5);
        double[] x = Enumerable.Range(0, 600).Select(_ => (double)random.Next(6)).ToArray();
        double[] y = x.Select(v => (v + random.Next(3)) % 6).ToArray();

        Knn.MixtureMutualInformation(x, y, 4).Value.Should().BeApproximately(BruteForceGao(x, 1, y, 1, 4), 1e-12);
    }

    [Fact]
    public void MixtureMutualInformation_DiscreteUniformAndUniformNoise_MatchesClosedForm()
    {
        // Gao, Kannan, Oh & Viswanath (2017), experiment 1: X uniform on {0, …, m − 1}, Y | X uniform on [X, X + 2]:
        // I(X; Y) = ln m − (m − 1) ln 2 / m, 1.05492 nats for m = 5.
        var random = new Random(8);
        int n = 5000, m = 5;
        double[] x = Enumerable.Range(0, n).Select(_ => (double)random.Next(m)).ToArray();
        double[] y = x.Select(v => v + (2 * random.NextDouble())).ToArray();

        Knn.MixtureMutualInformation(x, y, 5).Value.Should().BeApproximately(Math.Log(m) - ((m - 1) * Math.Log(2) / m), 0.03);
    }

    [Fact]
    public void MixtureMutualInformation_HalfGaussianHalfBinaryChannel_MatchesClosedForm()
    {
        // The authors' demo (github.com/wgao9/mixed_KSG, demo.py): half the pairs bivariate normal with ρ = 0.9, half on
        // two atoms per axis through a binary symmetric channel with crossover 0.1. Ground truth as the demo computes it:
        // −½·½ ln(1 − ρ²) + ½(ln 2 + 0.9 ln 0.9 + 0.1 ln 0.1) + ln 2 = 1.29226 nats, wherever the atoms sit. The demo puts them
        // at ±1, inside the Gaussian's bulk, where at N = 5000 a continuous row whose radius reaches an atom counts its
        // thousand copies (0.15 nats low here, and in the demo's own code); at ±20 the finite-sample estimate is clean.
        var random = new Random(9);
        int half = 2500;
        var pairs = new double[2 * half];
        new Gaussian([0.0, 0.0], new double[,] { { 1.0, 0.9 }, { 0.9, 1.0 } }).Sample(random, pairs);
        var x = new double[2 * half];
        var y = new double[2 * half];
        for (int i = 0; i < half; i++)
        {
            (x[i], y[i]) = (pairs[2 * i], pairs[(2 * i) + 1]);
            int bit = random.Next(2);
            int received = random.NextDouble() < 0.1 ? 1 - bit : bit;
            (x[half + i], y[half + i]) = (40 * bit - 20, 40 * received - 20);
        }

        double truth = (-0.25 * Math.Log(1 - 0.81)) + (0.5 * (Math.Log(2) + (0.9 * Math.Log(0.9)) + (0.1 * Math.Log(0.1)))) + Math.Log(2);

        Knn.MixtureMutualInformation(x, y, 5).Value.Should().BeApproximately(truth, 0.03);
    }

    [Fact]
    public void MixtureMutualInformation_TiedDataThatKsgRejects_IsAcceptedAndNearPlugIn()
    {
        // The two independent 3-level variables of issue 8, which KSG rejects: here they are atoms, and the estimate is
        // the plug-in value up to ψ(c) in place of ln c.
        var random = new Random(1);
        double[] x = Enumerable.Range(0, 1000).Select(_ => (double)random.Next(3)).ToArray();
        double[] y = Enumerable.Range(0, 1000).Select(_ => (double)random.Next(3)).ToArray();
        double plugIn = MutualInformation.FromSamples<int, int>(x.Select(v => (int)v).ToArray(), y.Select(v => (int)v).ToArray());

        Knn.MixtureMutualInformation(x, y).Value.Should().BeApproximately(plugIn, 0.003);
    }

    [Fact]
    public void MixtureMutualInformation_KdTreeAndBruteForce_GiveIdenticalBits()
    {
        var random = new Random(3);
        var x = new double[900, 2];
        var y = new double[900, 1];
        for (int i = 0; i < 900; i++)
        {
            x[i, 0] = random.Next(5);
            x[i, 1] = Math.Round(random.NextDouble() * 20);
            y[i, 0] = random.NextDouble() < 0.3 ? 0 : x[i, 0] + random.NextDouble();
        }

        var brute = new KnnOptions { Search = NeighborSearch.BruteForce };

        Knn.MixtureMutualInformation(x, y, 3).Should().Be(Knn.MixtureMutualInformation(x, y, 3, brute));
        Knn.MixtureMutualInformation(x, y, 3, new KnnOptions { MaxDegreeOfParallelism = 1 }).Should().Be(Knn.MixtureMutualInformation(x, y, 3));
    }

    [Fact]
    public void MixtureMutualInformation_MatrixAndScalarForms_AgreeWithTheFlatForm()
    {
        var random = new Random(6);
        double[] x = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 4)).ToArray();
        double[] y = x.Select(v => v + random.NextDouble()).ToArray();
        var xm = new double[300, 1];
        var ym = new double[300, 1];
        for (int i = 0; i < 300; i++)
        {
            (xm[i, 0], ym[i, 0]) = (x[i], y[i]);
        }

        var flat = Knn.MixtureMutualInformation(x, 1, y, 1, 3);

        Knn.MixtureMutualInformation(x, y).Should().Be(flat);
        Knn.MixtureMutualInformation(xm, ym).Should().Be(flat);
        Knn.MixtureMutualInformation(x, y, 3, new KnnOptions { Unit = LogBase.Bits }).Value.Should().BeApproximately(flat.Value / Math.Log(2), 1e-15);
    }

    [Fact]
    public void MixtureMutualInformation_JitterPastTheDoubleRange_ThrowsNamingOptionsJitter()
    {
        var act = () => Knn.MixtureMutualInformation([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 1.0, 3.0, 3.0, 5.0], 1, new KnnOptions { Jitter = double.MaxValue });

        act.Should().Throw<ArgumentException>().WithParameterName("options.Jitter").WithMessage("KnnOptions.Jitter is 1.7976931348623157E+308*");
    }

    [Fact]
    public void MixtureMutualInformation_MismatchedRows_ThrowsNamingY()
    {
        var act = () => Knn.MixtureMutualInformation([1.0, 2.0, 3.0], [1.0, 2.0], 1);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void MixtureMutualInformation_NeighbourOrderOutOfRange_Throws(int k)
    {
        var act = () => Knn.MixtureMutualInformation([1.0, 2.0, 3.0], [1.0, 1.0, 3.0], k);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(k));
    }

    // Gao, Kannan, Oh & Viswanath (2017) as the authors' mixed.py computes it, every pair visited: ρ the max-norm k-th joint
    // distance; when ρ = 0, k̃ and the marginal counts are the copies of the row (itself included), else k̃ = k and the
    // counts are the rows strictly inside ρ (itself included); digamma throughout and ln N.
    private static double BruteForceGao(double[] x, int dx, double[] y, int dy, int k)
    {
        int n = x.Length / dx;
        double Distance(double[] v, int d, int a, int b)
        {
            double max = 0;
            for (int t = 0; t < d; t++)
            {
                max = Math.Max(max, Math.Abs(v[(a * d) + t] - v[(b * d) + t]));
            }

            return max;
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double rho = Enumerable.Range(0, n).Where(j => j != i)
                .Select(j => Math.Max(Distance(x, dx, i, j), Distance(y, dy, i, j))).Order().ElementAt(k - 1);
            bool atom = rho == 0;
            int tilde = atom ? Enumerable.Range(0, n).Count(j => Distance(x, dx, i, j) == 0 && Distance(y, dy, i, j) == 0) : k;
            int nx = Enumerable.Range(0, n).Count(j => atom ? Distance(x, dx, i, j) == 0 : Distance(x, dx, i, j) < rho);
            int ny = Enumerable.Range(0, n).Count(j => atom ? Distance(y, dy, i, j) == 0 : Distance(y, dy, i, j) < rho);
            total += SpecialFunctions.DiGamma(tilde) + Math.Log(n) - SpecialFunctions.DiGamma(nx) - SpecialFunctions.DiGamma(ny);
        }

        return total / n;
    }
}
