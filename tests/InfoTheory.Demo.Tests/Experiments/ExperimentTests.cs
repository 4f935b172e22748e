using System.Globalization;
using InfoTheory.Demo.Experiments;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Demo.Tests.Experiments;

/// <summary>Each experiment end to end with tiny budgets: its PNG files, its summary rows and a full progress bar.</summary>
public sealed class ExperimentTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ExperimentContext Run(IExperiment experiment, DemoOptions? options = null)
    {
        options = (options ?? new DemoOptions()) with { OutputFolder = _dir.Path };
        var progress = new List<double>();
        var context = new ExperimentContext(options, DemoData.Load(options), progress.Add);

        experiment.Run(context);

        progress.Sum().Should().Be(experiment.Steps(options), "the progress bar ends full");
        foreach (string figure in context.Figures)
        {
            Path.GetDirectoryName(figure).Should().Be(_dir.Path);
            File.ReadAllBytes(figure).Should().HaveCountGreaterThan(1000).And.StartWith(PngSignature, $"{figure} is a PNG");
        }

        return context;
    }

    private static string Result(ExperimentContext context, string quantity) =>
        context.Results.Should().ContainSingle(r => r.Quantity == quantity, $"the summary reports '{quantity}'").Which.Value;

    // Formatting.Nats prints "12.34 nats"; Formatting.Number plain invariant decimals.
    private static double Number(string value) => double.Parse(value.Replace(" nats", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static double[] Mean(string value) =>
        [.. value.Trim('(', ')').Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    [Fact]
    public void DatasetOverview_WritesTheDigitsGrid_AndReportsTheLabelHistogram()
    {
        ExperimentContext context = Run(new DatasetOverview());

        context.Figures.Select(Path.GetFileName).Should().Equal("digits.png");
        context.Results.Should().Contain(("samples per label", "0:178  1:182  2:177  3:183  4:181  5:182  6:181  7:179  8:174  9:180"));
    }

    [Fact]
    public void MixtureContours_WritesTheContoursOfP()
    {
        ExperimentContext context = Run(new MixtureContours());

        context.Figures.Select(Path.GetFileName).Should().Equal("p-contours.png");
    }

    [Fact]
    public void KlFitting_ForwardLandsOnTheMomentMatch_ReverseFromTheTwoStartsOnTheTwoModes()
    {
        ExperimentContext context = Run(new KlFitting());

        context.Figures.Select(Path.GetFileName).Should().Equal("kl-forward.png", "kl-reverse.png", "kl-loss.png");

        // The mixture's moments by hand: μ = (½, ½), Σ = Σₖ ½(Σₖ + μₖμₖᵀ) − μμᵀ = [[0.3125, 0.25], [0.25, 0.40625]].
        Result(context, "moment matching: mean").Should().Be("(0.5, 0.5)");
        Result(context, "moment matching: covariance").Should().Be("[[0.3125, 0.25], [0.25, 0.4063]]");

        // The fits' tolerances are those of the library's own KlFit tests; the components' means are (0, 0) and (1, 1).
        Mean(Result(context, "forward KL(P‖Q): mean")).Should().Equal([0.5, 0.5], (a, b) => Math.Abs(a - b) < 0.03);
        Mean(Result(context, "reverse KL(Q‖P) from start A (-0.6, -0.4): mean")).Should().Equal([0.0, 0.0], (a, b) => Math.Abs(a - b) < 0.15);
        Mean(Result(context, "reverse KL(Q‖P) from start B (1.5, 1.6): mean")).Should().Equal([1.0, 1.0], (a, b) => Math.Abs(a - b) < 0.15);
        foreach (string fit in new[] { "forward KL(P‖Q)", "reverse KL(Q‖P) from start A (-0.6, -0.4)", "reverse KL(Q‖P) from start B (1.5, 1.6)" })
        {
            Result(context, $"{fit}: final KL").Should().MatchRegex(@"^\d+\.\d{4} ± \d+\.\d{4} nats \(n = 20000, \d+(\.\d+)?% clipped\)$");
        }
    }

    [Fact]
    public void KlFitting_KlStepsSetsTheLengthOfEveryFit()
    {
        var options = new DemoOptions { KlSteps = 5 };

        Run(new KlFitting(), options);

        new KlFitting().Steps(options).Should().Be((3 * 5) + 3, "three fits of 5 steps, then three figures");
    }

    [Fact]
    public void Vae_WritesCurvesReconstructionsAndSamples_AndItsElboIsTheSumOfItsTerms()
    {
        ExperimentContext context = Run(new VaeExperiment(), new DemoOptions { Epochs = 2 });

        context.Figures.Select(Path.GetFileName).Should().Equal("vae-training.png", "vae-reconstructions.png", "vae-samples.png");
        foreach ((string part, int count) in new[] { ("train", 1500), ("test", 297) })
        {
            double elbo = Number(Result(context, $"{part} −ELBO ({count} samples)"));
            double reconstruction = Number(Result(context, $"{part} reconstruction −E_q[log p(x|z)]"));
            double kl = Number(Result(context, $"{part} KL(q(z|x) ‖ p(z))"));

            // Each is printed to 0.01 nats, so the sum may be off by up to 0.015.
            elbo.Should().BeApproximately(reconstruction + kl, 0.015);
            kl.Should().BeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void Vae_OnTheDigits_UsesItsLatentUnits_AndDoesNotWarn()
    {
        // Ten epochs: after two, the KL term is already 0.58 nats but no unit's mean varies by 0.01 yet.
        ExperimentContext context = Run(new VaeExperiment(), new DemoOptions { Epochs = 10 });

        Result(context, "active latent units").Should().NotStartWith("0 of");
        context.Results.Should().NotContain(r => r.Quantity == "warning");
    }

    [Fact]
    public void Vae_KlWeightSoLargeTheCodeCollapses_WarnsOfPosteriorCollapse()
    {
        // β = 20 makes every nat of code cost 20 nats of loss, more than any digit's reconstruction gains from it.
        ExperimentContext context = Run(new VaeExperiment(), new DemoOptions { Epochs = 10, KlWeight = 20 });

        Result(context, "active latent units").Should().Be("0 of 8");
        Result(context, "warning").Should().StartWith("posterior collapse").And.Contain("--kl-weight 0.5");
    }

    [Fact]
    public void Autoencoder_WritesCurveAndReconstructions_AndBeatsTheMeanImage()
    {
        ExperimentContext context = Run(new AutoencoderExperiment(), new DemoOptions { Epochs = 3 });

        context.Figures.Select(Path.GetFileName).Should().Equal("ae-training.png", "ae-reconstructions.png");

        // Three epochs already take the training error from ~6 to ~2.2 per image; the mean image scores ~4.7.
        Number(Result(context, "test squared error per sample (297 samples)"))
            .Should().BeLessThan(Number(Result(context, "test error of the mean training image (floor to beat)")));
    }

    [Fact]
    public void Denoising_AtTheReadmesBudget_BeatsThePlainAutoencoderOnMaskedInputsByTheReadmesMargin()
    {
        // The README's section on dae-denoising.png quotes, for 100 epochs: masked inputs 4.58, plain AE 3.08,
        // denoising AE 1.40 on masked inputs; plain 0.58 against denoising 1.13 on clean ones.
        ExperimentContext context = Run(new DenoisingExperiment(), new DemoOptions());

        context.Figures.Select(Path.GetFileName).Should().Equal("dae-denoising.png");
        double masked = Number(Result(context, "test squared error per sample, 30% masked inputs as they are"));
        double plainMasked = Number(Result(context, "plain AE on 30% masked test inputs"));
        double denoisingMasked = Number(Result(context, "denoising AE on 30% masked test inputs"));
        double plainClean = Number(Result(context, "plain AE on clean test inputs"));
        double denoisingClean = Number(Result(context, "denoising AE on clean test inputs"));

        masked.Should().BeApproximately(4.58, 0.05 * 4.58);
        plainMasked.Should().BeApproximately(3.08, 0.15 * 3.08);
        denoisingMasked.Should().BeApproximately(1.40, 0.15 * 1.40);
        denoisingMasked.Should().BeLessThan(0.6 * plainMasked, "the denoising model more than halves the plain one's error on masked inputs");
        plainClean.Should().BeApproximately(0.58, 0.15 * 0.58);
        denoisingClean.Should().BeApproximately(1.13, 0.15 * 1.13);
        plainClean.Should().BeLessThan(denoisingClean, "on clean inputs the plain model is better: the price of learning to denoise");
    }

    [Fact]
    public void Sparse_AtTheReadmesBudget_HoldsEveryUnitNearTheTargetActivation()
    {
        // The README's section on sae-activations.png quotes, for 100 epochs: with the penalty every unit sits at
        // 0.049–0.055 and none of the code activations exceeds ½; without it the units average 0.48 and 43% exceed ½.
        ExperimentContext context = Run(new SparseExperiment(), new DemoOptions());

        context.Figures.Select(Path.GetFileName).Should().Equal("sae-activations.png", "sae-reconstructions.png", "sae-codes.png");
        double[] range = [.. Result(context, "sparse: per-unit mean activations range").Split(" … ").Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        range[0].Should().BeGreaterThan(0.045);
        range[1].Should().BeLessThan(0.06);
        Number(Result(context, "sparse: mean code activation on test (target ρ = 0.05)")).Should().BeApproximately(0.05, 0.005);
        Number(Result(context, "sparse: share of test code activations above ½")).Should().Be(0);
        Number(Result(context, "no penalty: mean code activation on test")).Should().BeApproximately(0.48, 0.1);
        Number(Result(context, "no penalty: share of test code activations above ½")).Should().BeApproximately(0.43, 0.1);
    }

    [Fact]
    public void ModelExperiments_OnDataThatAreNotImages_SayWhyTheImageFiguresAreMissing()
    {
        string csv = Path.Combine(_dir.Path, "points.csv");
        File.WriteAllLines(csv, Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i % 2},{(i % 3) / 2.0},{i % 5 / 4.0}")));
        ExperimentContext context = Run(new AutoencoderExperiment(), new DemoOptions { Epochs = 1, DataPath = csv });

        context.Figures.Select(Path.GetFileName).Should().Equal("ae-training.png");
        context.Results.Should().Contain(("ae-reconstructions.png", "not drawn: the samples are not images"));
        Result(context, "test squared error per sample (5 samples)").Should().NotBeEmpty("30 samples split 25 : 5");
    }
}
