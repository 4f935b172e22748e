using InfoTheory.Geometry;
using static InfoTheory.Tests.Geometry.FamilySamples;

namespace InfoTheory.Tests.Geometry;

/// <summary>The dually flat structure every family must have, checked against definitions written out here.</summary>
public class ExponentialFamilyTests
{
    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void ToNatural_OfToExpectation_RoundTrips(string name)
    {
        var family = Family(name);
        var random = new Random(1);
        for (int trial = 0; trial < 50; trial++)
        {
            double[] theta = Theta(family, random);
            var back = new double[family.Dimension];
            family.ToNatural(Eta(family, theta), back);

            back.Should().Equal(theta, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)));
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void LogPartitionAndNegativeEntropy_AreLegendreDuals(string name)
    {
        // ψ(θ) + φ(η) = θ·η at η = ∇ψ(θ) (the Legendre transform, Amari 2016, ch. 1).
        var family = Family(name);
        var random = new Random(2);
        for (int trial = 0; trial < 50; trial++)
        {
            double[] theta = Theta(family, random), eta = Eta(family, theta);

            (family.LogPartition(theta) + family.NegativeEntropy(eta)).Should().BeApproximately(theta.Zip(eta, (a, b) => a * b).Sum(), 1e-10);
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void ToExpectationAndToNatural_AreTheGradientsOfThePotentials(string name)
    {
        // Central differences: η = ∇ψ(θ) and θ = ∇φ(η), each to O(h²).
        var family = Family(name);
        var random = new Random(3);
        const double h = 1e-5;
        for (int trial = 0; trial < 20; trial++)
        {
            double[] theta = Theta(family, random), eta = Eta(family, theta);
            for (int a = 0; a < family.Dimension; a++)
            {
                Gradient(family.LogPartition, theta, a, h).Should().BeApproximately(eta[a], 1e-6 * Math.Max(1, Math.Abs(eta[a])));
                Gradient(family.NegativeEntropy, eta, a, h).Should().BeApproximately(theta[a], 1e-5 * Math.Max(1, Math.Abs(theta[a])));
            }
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void FisherMetricNatural_IsTheJacobianOfTheExpectationMap(string name)
    {
        // G(θ) = ∇²ψ(θ) = ∂η/∂θ, by central differences of ToExpectation.
        var family = Family(name);
        var random = new Random(4);
        int k = family.Dimension;
        const double h = 1e-5;
        for (int trial = 0; trial < 20; trial++)
        {
            double[] theta = Theta(family, random), g = Metric(family, theta, natural: true);
            for (int b = 0; b < k; b++)
            {
                double[] up = (double[])theta.Clone(), down = (double[])theta.Clone();
                up[b] += h;
                down[b] -= h;
                double[] etaUp = Eta(family, up), etaDown = Eta(family, down);
                for (int a = 0; a < k; a++)
                {
                    double expected = (etaUp[a] - etaDown[a]) / (2 * h);
                    g[(a * k) + b].Should().BeApproximately(expected, 1e-5 * Math.Max(1, Math.Abs(expected)));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void FisherMetricExpectation_IsTheInverseOfTheNaturalMetric(string name)
    {
        var family = Family(name);
        var random = new Random(5);
        int k = family.Dimension;
        for (int trial = 0; trial < 50; trial++)
        {
            double[] theta = Theta(family, random);
            double[] expected = Inverse(Metric(family, theta, natural: true), k), actual = Metric(family, Eta(family, theta), natural: false);

            actual.Should().Equal(expected, (a, b) => Math.Abs(a - b) <= 1e-8 * Math.Max(1, MaxAbs(expected)));
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void NaturalGradient_InBothCoordinates_IsTheMetricInverseTimesTheGradient(string name)
    {
        // G⁻¹g with G inverted by Gauss–Jordan here; the library never forms G⁻¹.
        var family = Family(name);
        var random = new Random(6);
        int k = family.Dimension;
        for (int trial = 0; trial < 50; trial++)
        {
            double[] theta = Theta(family, random), eta = Eta(family, theta);
            double[] g = [.. Enumerable.Range(0, k).Select(_ => (random.NextDouble() * 2) - 1)];
            double[] inTheta = new double[k], inEta = new double[k];
            family.NaturalGradientNatural(theta, g, inTheta);
            family.NaturalGradientExpectation(eta, g, inEta);

            double[] expectedTheta = Multiply(Inverse(Metric(family, theta, natural: true), k), g);
            double[] expectedEta = Multiply(Inverse(Metric(family, eta, natural: false), k), g);
            inTheta.Should().Equal(expectedTheta, (a, b) => Math.Abs(a - b) <= 1e-8 * Math.Max(1, MaxAbs(expectedTheta)));
            inEta.Should().Equal(expectedEta, (a, b) => Math.Abs(a - b) <= 1e-8 * Math.Max(1, MaxAbs(expectedEta)));
        }
    }

    [Theory]
    [MemberData(nameof(FamilySamples.Names), MemberType = typeof(FamilySamples))]
    public void KullbackLeibler_NearbyPoints_IsHalfTheFisherQuadraticFormInBothCoordinates(string name)
    {
        // The notes' axiom 3: KL(ξ : ξ + dξ) = ½ dξᵀ G(ξ) dξ + O(‖dξ‖³), so the ratio's distance from 1 shrinks
        // like ε (like ε² where the cubic term vanishes); a tenfold smaller step must at least halve it.
        var family = Family(name);
        var random = new Random(7);
        int k = family.Dimension;
        for (int trial = 0; trial < 20; trial++)
        {
            double[] theta = Theta(family, random), eta = Eta(family, theta);
            double[] direction = [.. Enumerable.Range(0, k).Select(_ => (random.NextDouble() * 2) - 1)];
            foreach (bool natural in new[] { true, false })
            {
                double[] point = natural ? theta : eta, g = Metric(family, point, natural);
                var deviation = new double[2];
                for (int e = 0; e < 2; e++)
                {
                    double epsilon = e == 0 ? 1e-1 : 1e-2;
                    double[] step = [.. direction.Select(v => v * epsilon * 0.1)];
                    double[] moved = [.. point.Zip(step, (a, b) => a + b)];
                    double[] movedTheta = natural ? moved : Natural(family, moved);
                    deviation[e] = Math.Abs((family.KullbackLeibler(theta, movedTheta) / (0.5 * Quadratic(g, step))) - 1);
                }

                deviation[1].Should().BeLessThan(Math.Max(0.5 * deviation[0], 1e-6), $"{(natural ? "θ" : "η")} coordinates, trial {trial}");
            }
        }
    }

    [Fact]
    public void KullbackLeibler_Bits_IsNatsOverLn2()
    {
        var family = new GaussianFamily();
        double[] theta = [0.5, -0.5], other = [1, -1];

        family.KullbackLeibler(theta, other, LogBase.Bits).Should().BeApproximately(family.KullbackLeibler(theta, other) / Math.Log(2), 1e-15);
    }

    [Fact]
    public void Members_WrongLengthOrNonFinite_ThrowNamingTheParameter()
    {
        var family = new CategoricalFamily(3);
        var destination = new double[2];

        FluentActions.Invoking(() => family.ToExpectation([0.1], destination)).Should().Throw<ArgumentException>().WithParameterName("theta");
        FluentActions.Invoking(() => family.LogPartition([0.1, double.NaN])).Should().Throw<ArgumentException>().WithParameterName("theta");
        FluentActions.Invoking(() => family.ToNatural([0.2, 0.3], new double[3])).Should().Throw<ArgumentException>().WithParameterName("theta");
        FluentActions.Invoking(() => family.FisherMetricNatural([0.2, 0.3], new double[3])).Should().Throw<ArgumentException>().WithParameterName("destination");
        FluentActions.Invoking(() => family.NaturalGradientNatural([0.2, 0.3], [1, double.PositiveInfinity], destination)).Should().Throw<ArgumentException>().WithParameterName("gradient");
        FluentActions.Invoking(() => family.KullbackLeibler([0.2, 0.3], [0.1])).Should().Throw<ArgumentException>().WithParameterName("thetaPrime");
    }

    [Fact]
    public void NaturalGradientNatural_DestinationIsTheGradient_ThrowsNamingDestination()
    {
        var family = new GaussianFamily();
        double[] g = [1, 2];

        FluentActions.Invoking(() => family.NaturalGradientNatural([0, -0.5], g, g)).Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    private static double Gradient(Func<ReadOnlySpan<double>, double> f, double[] x, int a, double h)
    {
        double[] up = (double[])x.Clone(), down = (double[])x.Clone();
        up[a] += h;
        down[a] -= h;
        return (f(up) - f(down)) / (2 * h);
    }

    private static double[] Natural(ExponentialFamily family, double[] eta)
    {
        var theta = new double[family.Dimension];
        family.ToNatural(eta, theta);
        return theta;
    }
}
