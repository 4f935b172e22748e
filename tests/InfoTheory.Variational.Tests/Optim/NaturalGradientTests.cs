using InfoTheory.Geometry;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Optim;
using InfoTheory.Variational.Serialization;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Optim;

/// <summary>The natural-gradient step against G⁻¹g formed and inverted here, and its one-step property on Gaussian KL.</summary>
public class NaturalGradientTests
{
    private static readonly double[] TargetMean = [1.5, -0.5, 0.25];
    private static readonly double[] TargetLogVariance = [Math.Log(0.3), Math.Log(2.0), 0];

    private static DiagonalGaussian<double> Leaves(double[] mean, double[] logVariance) => new(
        AutodiffTensor.FromValues<double>(mean, mean.Length).RequiringGrad(),
        AutodiffTensor.FromValues<double>(logVariance, logVariance.Length).RequiringGrad());

    private static DiagonalGaussian<double> Target() => new(
        AutodiffTensor.FromValues<double>(TargetMean, 3), AutodiffTensor.FromValues<double>(TargetLogVariance, 3));

    private static double KlStep(DiagonalGaussian<double> q, Optimizer<double> optimizer)
    {
        optimizer.ZeroGrad();
        var loss = q.KullbackLeibler(Target()).Sum();
        loss.Backward();
        optimizer.Step();
        return loss.Item;
    }

    private static double Error(DiagonalGaussian<double> q) =>
        q.Mean.ToArray().Zip(TargetMean, (a, b) => Math.Abs(a - b)).Concat(q.LogVariance.ToArray().Zip(TargetLogVariance, (a, b) => Math.Abs(a - b))).Max();

    [Fact]
    public void Step_ReverseKlToAGaussian_LearningRateOne_LandsOnTheTargetInOneStep()
    {
        // KL(q_θ ‖ p_θ′) = B_ψ(θ′ : θ) has natural gradient θ − θ′ in θ, so one step at η = 1 gives θ′ exactly.
        var q = Leaves([0, 0, 0], [0, 0, 0]);
        KlStep(q, new NaturalGradient<double>(q, learningRate: 1));

        Error(q).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Step_ReverseKlToAGaussian_NeedsFarFewerStepsThanSgd()
    {
        // SGD at η = 0.25, about 1/L for the largest curvature L = 1/σ_p² = 3.3 (the first mean), needs 104 steps to come
        // within 1e-6 (the same updates in Python: gμ = (μ − μ_p)/σ_p², gₛ = ½(σ²/σ_p² − 1)); the natural gradient needs 1.
        var q = Leaves([0, 0, 0], [0, 0, 0]);
        var sgd = new Sgd<double>([q.Mean, q.LogVariance], learningRate: 0.25);
        int steps = 0;
        while (Error(q) > 1e-6 && steps < 10_000)
        {
            KlStep(q, sgd);
            steps++;
        }

        steps.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Step_AnyObjective_IsInverseFisherTimesGradientInNaturalParameters()
    {
        // Objective KL(p ‖ q) (the other direction) plus a linear term, at η = 0.3. In θ = (μ/σ², −1/(2σ²)) per coordinate:
        // g_θ = Jᵀ(gμ, gₛ) with J = ∂(μ, s)/∂θ = [[σ², 2μσ²], [0, 2σ²]], and G(θ) = Cov[(x, x²)] from the normal's raw moments
        // E x = μ, E x² = μ² + σ², E x³ = μ³ + 3μσ², E x⁴ = μ⁴ + 6μ²σ² + 3σ⁴, inverted explicitly here.
        const double eta = 0.3;
        double[] mean = [0.2, -1.0, 0.7], logVariance = [0.4, -0.3, 1.1];
        var q = Leaves(mean, logVariance);
        var optimizer = new NaturalGradient<double>(q, eta);
        (Target().KullbackLeibler(q).Sum() + (q.Mean * AutodiffTensor.FromValues<double>([0.5, -0.2, 0.1], 3)).Sum()).Backward();
        double[] gMean = q.Mean.Gradient.ToArray(), gLogVariance = q.LogVariance.Gradient.ToArray();

        optimizer.Step();

        var family = new GaussianFamily();
        for (int i = 0; i < 3; i++)
        {
            double mu = mean[i], v = Math.Exp(logVariance[i]);
            double[] theta = [mu / v, -0.5 / v];
            double[] gTheta = [v * gMean[i], (2 * mu * v * gMean[i]) + (2 * v * gLogVariance[i])];
            double m1 = mu, m2 = (mu * mu) + v, m3 = (mu * mu * mu) + (3 * mu * v), m4 = Math.Pow(mu, 4) + (6 * mu * mu * v) + (3 * v * v);
            double g11 = m2 - (m1 * m1), g12 = m3 - (m1 * m2), g22 = m4 - (m2 * m2);
            double det = (g11 * g22) - (g12 * g12);
            double[] natural = [((g22 * gTheta[0]) - (g12 * gTheta[1])) / det, ((g11 * gTheta[1]) - (g12 * gTheta[0])) / det];
            double vNew = Math.Exp(q.LogVariance.Values[i]);
            double[] thetaNew = [q.Mean.Values[i] / vNew, -0.5 / vNew];

            thetaNew[0].Should().BeApproximately(theta[0] - (eta * natural[0]), 1e-12 * Math.Max(1, Math.Abs(theta[0])));
            thetaNew[1].Should().BeApproximately(theta[1] - (eta * natural[1]), 1e-12 * Math.Max(1, Math.Abs(theta[1])));
            var library = new double[2];
            family.NaturalGradientNatural(theta, gTheta, library);
            library.Should().Equal(natural, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b)));
        }
    }

    [Fact]
    public void Step_Float_LandsOnTheTargetInOneStep()
    {
        var q = new DiagonalGaussian<float>(AutodiffTensor.FromValues<float>([0f, 2f], 2).RequiringGrad(), AutodiffTensor.FromValues<float>([1f, -1f], 2).RequiringGrad());
        var p = new DiagonalGaussian<float>(AutodiffTensor.FromValues<float>([-1f, 0.5f], 2), AutodiffTensor.FromValues<float>([0f, 0.5f], 2));
        var optimizer = new NaturalGradient<float>(q, 1);
        q.KullbackLeibler(p).Sum().Backward();

        optimizer.Step();

        q.Mean.ToArray().Should().Equal([-1f, 0.5f], (a, b) => Math.Abs(a - b) < 1e-5);
        q.LogVariance.ToArray().Should().Equal([0f, 0.5f], (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Step_LeavingTheFamily_ThrowsAndChangesNothing()
    {
        // q with σ² = e^−4 against σ_p² = 0.3: gₛ = ½(σ_q²/σ_p² − 1) ≈ −0.469, so at η = 2, 1 + 2ηgₛ ≈ −0.88 < 0.
        var q = Leaves([0, 0, 0], [-4, -4, -4]);
        var optimizer = new NaturalGradient<double>(q, learningRate: 2);

        FluentActions.Invoking(() => KlStep(q, optimizer)).Should().Throw<InvalidOperationException>().WithMessage("*precision of coordinate 0 non-positive*1 + 2η·g is -0.877*");
        q.Mean.ToArray().Should().Equal(0, 0, 0);
        q.LogVariance.ToArray().Should().Equal(-4, -4, -4);
    }

    [Fact]
    public void Constructor_ParametersWithoutGradientsOrShared_ThrowNamingDistribution()
    {
        var constant = new DiagonalGaussian<double>(AutodiffTensor.FromValues<double>([0.0], 1), AutodiffTensor.FromValues<double>([0.0], 1));
        var shared = AutodiffTensor.FromValues<double>([0.0], 1).RequiringGrad();

        FluentActions.Invoking(() => new NaturalGradient<double>(constant, 1)).Should().Throw<ArgumentException>().WithParameterName("distribution");
        FluentActions.Invoking(() => new NaturalGradient<double>(new DiagonalGaussian<double>(shared, shared), 1)).Should().Throw<ArgumentException>().WithParameterName("distribution");
    }

    [Fact]
    public void SaveStateThenLoadState_Stateless_RoundTripsAndRejectsAnotherOptimizer()
    {
        using var folder = new TempDirectory();
        string state = Path.Combine(folder.Path, "natural.safetensors"), sgdState = Path.Combine(folder.Path, "sgd.safetensors");
        var q = Leaves([0, 0, 0], [0, 0, 0]);
        var optimizer = new NaturalGradient<double>(q, 0.5);
        KlStep(q, optimizer);
        optimizer.SaveState(state);
        var sgd = new Sgd<double>([q.Mean, q.LogVariance], 0.1, momentum: 0.9);
        KlStep(q, sgd);
        sgd.SaveState(sgdState);

        ParameterFile.ReadMetadata(state)["optimizer"].Should().Be("NaturalGradient");
        var resumed = new NaturalGradient<double>(q, 0.5);
        resumed.LoadState(state);
        FluentActions.Invoking(() => resumed.LoadState(sgdState)).Should().Throw<InvalidDataException>();
    }
}
