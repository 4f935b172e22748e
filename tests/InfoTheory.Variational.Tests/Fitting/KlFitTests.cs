using InfoTheory.Continuous;
using InfoTheory.Variational.Fitting;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Fitting;

/// <summary>
/// The lecture notes' worked example: P = ½ N((0,0), diag(.25², .5²)) + ½ N((1,1), diag(.25², .25²)).
/// Forward KL(P‖Q) over Gaussians is minimised by moment matching; reverse KL(Q‖P) locks onto a mode.
/// </summary>
public class KlFitTests
{
    private static readonly Gaussian First = Gaussian.Diagonal([0.0, 0.0], [0.0625, 0.25]);
    private static readonly Gaussian Second = Gaussian.Diagonal([1.0, 1.0], [0.0625, 0.0625]);
    private static readonly GaussianMixture Notes = new([0.5, 0.5], [First, Second]);

    // The mixture's moments (the core library's, pinned by hand values in GaussianMixtureTests):
    // mean (0.5, 0.5) and covariance [[0.3125, 0.25], [0.25, 0.40625]].
    private static Gaussian MomentMatched() => Notes.MomentMatched();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Forward_LandsOnMomentMatching(int seed)
    {
        var result = KlFit.Fit(Notes, KlDirection.Forward, new KlFitOptions { Seed = seed });
        var expected = MomentMatched();

        // Tolerance: the last steps average 256 noisy samples at learning rate 1e-3, which leaves
        // parameter noise of a few hundredths; a wrong fixed point (a mode, or no spread term) is off by > 0.2.
        for (int i = 0; i < 2; i++)
        {
            result.Fitted.Mean[i].Should().BeApproximately(expected.Mean[i], 0.03);
            for (int j = 0; j < 2; j++)
            {
                result.Fitted.Covariance(i, j).Should().BeApproximately(expected.Covariance(i, j), 0.03);
            }
        }

        Gaussian.KullbackLeibler(expected, result.Fitted).Should().BeLessThan(0.01);
    }

    [Fact]
    public void Reverse_FromStartsNearEachMode_LocksOntoTwoDifferentComponents()
    {
        var options = new KlFitOptions { Seed = 3 };
        var nearFirst = KlFit.Fit(Notes, KlDirection.Reverse, options with { Start = Gaussian.Diagonal([-0.3, -0.2], [0.04, 0.04]) });
        var nearSecond = KlFit.Fit(Notes, KlDirection.Reverse, options with { Start = Gaussian.Diagonal([1.2, 1.3], [0.04, 0.04]) });

        // Each fit sits on its component (the other component's tail pulls it slightly), far from the
        // moment-matched Gaussian and from each other.
        nearFirst.Fitted.Mean.ToArray().Should().Equal([0.0, 0.0], (a, b) => Math.Abs(a - b) < 0.15);
        nearSecond.Fitted.Mean.ToArray().Should().Equal([1.0, 1.0], (a, b) => Math.Abs(a - b) < 0.15);
        Gaussian.KullbackLeibler(First, nearFirst.Fitted).Should().BeLessThan(0.15);
        Gaussian.KullbackLeibler(Second, nearSecond.Fitted).Should().BeLessThan(0.15);
        Gaussian.KullbackLeibler(MomentMatched(), nearFirst.Fitted).Should().BeGreaterThan(1.0);
        Gaussian.KullbackLeibler(MomentMatched(), nearSecond.Fitted).Should().BeGreaterThan(1.0);
    }

    [Fact]
    public void Fit_ReportsTraceProgressAndFinalEstimate()
    {
        var reports = new List<KlFitProgress>();
        var options = new KlFitOptions { Steps = 60, EvaluationSamples = 5000, Seed = 4 };
        var result = KlFit.Fit(Notes, KlDirection.Forward, options, new SynchronousProgress(reports.Add));
        result.Direction.Should().Be(KlDirection.Forward);
        result.LossTrace.Should().HaveCount(60);
        reports.Select(r => r.Step).Should().Equal(Enumerable.Range(1, 60));
        reports.Select(r => r.Loss).Should().Equal(result.LossTrace);
        result.LossTrace.Skip(50).Average().Should().BeLessThan(result.LossTrace.Take(5).Average());
        result.Kl.SampleCount.Should().Be(5000);

        // The final estimate is the core Monte Carlo estimator on the returned Gaussian, with the same seed and clipping.
        var direct = MonteCarlo.KullbackLeibler(Notes, result.Fitted, 5000, 4, new MonteCarloOptions { LogRatioMin = -10, LogRatioMax = 10 });
        result.Kl.Should().Be(direct);
    }

    [Fact]
    public void Fit_SameSeed_SameFit()
    {
        var options = new KlFitOptions { Steps = 30, EvaluationSamples = 100, Seed = 5 };
        var a = KlFit.Fit(Notes, KlDirection.Reverse, options);
        var b = KlFit.Fit(Notes, KlDirection.Reverse, options);
        a.LossTrace.Should().Equal(b.LossTrace);
        a.Fitted.GetCovariance().Should().BeEquivalentTo(b.Fitted.GetCovariance());
    }

    [Fact]
    public void Fit_StartOfOtherDimension_ThrowsNamingOptions()
    {
        var act = () => KlFit.Fit(Notes, KlDirection.Forward, new KlFitOptions { Start = Gaussian.Standard(3) });
        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*dimension 3*");
    }

    [Fact]
    public void Fit_UndefinedDirection_ThrowsNamingDirection()
    {
        var act = () => KlFit.Fit(Notes, (KlDirection)7);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("direction");
    }

    [Fact]
    public void Fit_NullTarget_ThrowsNamingTarget()
    {
        var act = () => KlFit.Fit(null!, KlDirection.Forward);
        act.Should().Throw<ArgumentNullException>().WithParameterName("target");
    }

    // Progress<T> posts to a synchronisation context; the test needs the reports in order, now.
    private sealed class SynchronousProgress(Action<KlFitProgress> report) : IProgress<KlFitProgress>
    {
        public void Report(KlFitProgress value) => report(value);
    }

    [Theory]
    [InlineData(KlDirection.Forward)]
    [InlineData(KlDirection.Reverse)]
    public void Fit_HugeLearningRate_ThrowsTrainingDivergedNamingTheStep(KlDirection direction)
    {
        // Step 1 moves each entry of R by about 1e6 (Adam), so exp(diag R) leaves double: the update of step 1 is
        // the one that fails. Before the fix: ArgumentException "(Parameter 'the factor built from raw') (Parameter 'raw')".
        FluentActions.Invoking(() => KlFit.Fit(Notes, direction, new KlFitOptions { LearningRate = 1e6, FinalLearningRate = 1e6, Steps = 10 }))
            .Should().Throw<TrainingDivergedException>().WithMessage("*lower the learning rate*")
            .Which.Should().Match<TrainingDivergedException>(e => e.Epoch == 1 && e.Batch == 1 && e.LearningRate == 1e6);
    }

    [Fact]
    public void Fit_SubnormalFinalLearningRate_EndsTheScheduleOnItWithoutFailing()
    {
        var options = new KlFitOptions { Steps = 3, SamplesPerStep = 16, EvaluationSamples = 16, LearningRate = 0.01, FinalLearningRate = double.Epsilon };

        var result = KlFit.Fit(Notes, KlDirection.Forward, options);

        result.LossTrace.Should().HaveCount(3).And.OnlyContain(l => double.IsFinite(l));
    }
}
