using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Distributions;

/// <summary>The differentiable mixture log-density against the core library's <see cref="GaussianMixture"/>.</summary>
public class GaussianMixtureTests
{
    // The notes' mixture: ½ N((0,0), diag(.25², .5²)) + ½ N((1,1), diag(.25², .25²)).
    private static GaussianMixture NotesMixture() => new(
        [0.5, 0.5],
        [Gaussian.Diagonal([0.0, 0.0], [0.0625, 0.25]), Gaussian.Diagonal([1.0, 1.0], [0.0625, 0.0625])]);

    [Fact]
    public void LogProb_EqualsCoreMixtureLogDensity_IncludingFarTails()
    {
        var core = NotesMixture();
        var mixture = new DifferentiableGaussianMixture<double>(core);
        var z = AutodiffTensor.FromValues<double>([0.1, -0.3, 0.9, 1.2, 0.5, 0.5, -40.0, 60.0], 4, 2);
        var logProb = mixture.LogProb(z);
        for (int s = 0; s < 4; s++)
        {
            logProb[s].Should().BeApproximately(core.LogDensity(z.Values.Slice(s * 2, 2)), 1e-9 * Math.Max(1, Math.Abs(logProb[s])));
        }

        double.IsFinite(logProb[3]).Should().BeTrue();
    }

    [Fact]
    public void LogProb_Gradients_MatchFiniteDifferences()
    {
        var result = GradCheck.Run(
            x => new DifferentiableGaussianMixture<double>(
                x[0].LogSoftmax(),
                [CholeskyGaussian.FromUnconstrained(x[1], x[2]), CholeskyGaussian.FromUnconstrained(x[3], x[4])]).LogProb(x[5]),
            Uniform(1, 2),
            Uniform(2, 2),
            Uniform(3, 2, 2) * 0.5,
            Uniform(4, 2),
            Uniform(5, 2, 2) * 0.5,
            Uniform(6, 3, 2));
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Constructor_UnnormalisedWeights_ThrowsNamingLogWeights()
    {
        var component = CholeskyGaussian.FromGaussian<double>(Gaussian.Standard(2));
        var act = () => new DifferentiableGaussianMixture<double>(AutodiffTensor.FromValues<double>([0.0, 0.0], 2), [component, component]);
        act.Should().Throw<ArgumentException>().WithParameterName("logWeights").WithMessage("*summing to 2*");
    }

    [Fact]
    public void Constructor_WeightCountDiffers_ThrowsNamingLogWeights()
    {
        var component = CholeskyGaussian.FromGaussian<double>(Gaussian.Standard(2));
        var act = () => new DifferentiableGaussianMixture<double>(AutodiffTensor.Zeros<double>(1), [component, component]);
        act.Should().Throw<ArgumentException>().WithParameterName("logWeights");
    }

    [Fact]
    public void Constructor_ComponentDimensionsDiffer_ThrowsNamingComponents()
    {
        var act = () => new DifferentiableGaussianMixture<double>(
            AutodiffTensor.FromValues<double>([Math.Log(0.5), Math.Log(0.5)], 2),
            [CholeskyGaussian.FromGaussian<double>(Gaussian.Standard(2)), CholeskyGaussian.FromGaussian<double>(Gaussian.Standard(3))]);
        act.Should().Throw<ArgumentException>().WithParameterName("components");
    }

    [Fact]
    public void LogProb_WrongDimension_ThrowsNamingZ()
    {
        var act = () => new DifferentiableGaussianMixture<double>(NotesMixture()).LogProb(AutodiffTensor.Zeros<double>(3, 3));
        act.Should().Throw<ArgumentException>().WithParameterName("z");
    }
}
