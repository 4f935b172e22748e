using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;
using InfoTheory.Variational.Serialization;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Optim;

/// <summary>Update rules against the published formulas, evaluated by hand for one or two steps.</summary>
public class OptimizerTests
{
    private static AutodiffTensor<double> Parameter(params double[] values) => AutodiffTensor.FromValues<double>(values, values.Length).RequiringGrad();

    private static void SetGradient(AutodiffTensor<double> p, params double[] g)
    {
        // loss = Σ gᵢ pᵢ has gradient g.
        p.ZeroGrad();
        (p * AutodiffTensor.FromValues<double>(g, g.Length)).Sum().Backward();
    }

    [Fact]
    public void Sgd_PlainStep_IsThetaMinusEtaG()
    {
        var p = Parameter(1.0, -2.0);
        var sgd = new Sgd<double>([p], learningRate: 0.1);
        SetGradient(p, 0.5, -4.0);

        sgd.Step();

        p.ToArray().Should().Equal([1.0 - 0.05, -2.0 + 0.4], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Sgd_Momentum_TwoSteps_MatchHandComputation()
    {
        // v1 = g1 = 1; θ1 = 1 − 0.1·1 = 0.9; v2 = 0.9·1 + 2 = 2.9; θ2 = 0.9 − 0.29 = 0.61.
        var p = Parameter(1.0);
        var sgd = new Sgd<double>([p], learningRate: 0.1, momentum: 0.9);
        SetGradient(p, 1.0);
        sgd.Step();
        SetGradient(p, 2.0);
        sgd.Step();

        p.Values[0].Should().BeApproximately(0.61, 1e-15);
    }

    [Fact]
    public void Sgd_WeightDecay_AddsLambdaThetaToTheGradient()
    {
        // θ1 = θ0 − η(g + λθ0) = 2 − 0.1·(0.5 + 0.1·2) = 1.93.
        var p = Parameter(2.0);
        var sgd = new Sgd<double>([p], learningRate: 0.1, weightDecay: 0.1);
        SetGradient(p, 0.5);

        sgd.Step();

        p.Values[0].Should().BeApproximately(1.93, 1e-15);
    }

    [Fact]
    public void Adam_TwoSteps_MatchKingmaAndBa()
    {
        // Python, Algorithm 1 of Kingma & Ba with PyTorch's ε placement, g1 = 0.5, g2 = −1, η = 0.1:
        // m1 = .05, v1 = .00025, θ1 = 1 − .1·(.05/.1)/(√(.00025/.001) + 1e-8) = 0.9000000020000001 ...
        var p = Parameter(1.0);
        var adam = new Adam<double>([p], learningRate: 0.1);
        SetGradient(p, 0.5);
        adam.Step();
        double m = 0.05, v = 0.00025;
        double expected1 = 1.0 - (0.1 * (m / 0.1) / (Math.Sqrt(v / (1 - 0.999)) + 1e-8));
        p.Values[0].Should().BeApproximately(expected1, 1e-15);

        SetGradient(p, -1.0);
        adam.Step();
        m = (0.9 * m) + (0.1 * -1.0);
        v = (0.999 * v) + (0.001 * 1.0);
        double expected2 = expected1 - (0.1 * (m / (1 - (0.9 * 0.9))) / (Math.Sqrt(v / (1 - (0.999 * 0.999))) + 1e-8));
        p.Values[0].Should().BeApproximately(expected2, 1e-14);
        adam.StepCount.Should().Be(2);
    }

    [Fact]
    public void AdamW_ZeroGradient_OnlyDecaysTheWeights()
    {
        // With g = 0 the Adam part is 0/(0 + ε) = 0, leaving θ(1 − ηλ).
        var p = Parameter(2.0);
        var adamW = new AdamW<double>([p], learningRate: 0.1, weightDecay: 0.5);
        SetGradient(p, 0.0);

        adamW.Step();

        p.Values[0].Should().BeApproximately(2.0 * (1 - (0.1 * 0.5)), 1e-15);
    }

    [Fact]
    public void Adam_MinimisesAQuadratic()
    {
        var p = Parameter(3.0, -4.0, 0.5);
        var adam = new Adam<double>([p], learningRate: 0.05);
        for (int i = 0; i < 2000; i++)
        {
            adam.ZeroGrad();
            (p - 1.0).Square().Sum().Backward();
            adam.Step();
        }

        p.ToArray().Should().OnlyContain(v => Math.Abs(v - 1.0) < 1e-3);
    }

    [Fact]
    public void Step_SkipsParametersWithoutGradient()
    {
        var p = Parameter(1.0);
        var adam = new Adam<double>([p]);

        adam.Step();

        p.Values[0].Should().Be(1.0);
    }

    [Fact]
    public void Float_AndDouble_Adam_Agree()
    {
        var pf = AutodiffTensor.FromValues<float>([1f, -1f, 0.25f], 3).RequiringGrad();
        var pd = Parameter(1.0, -1.0, 0.25);
        var af = new Adam<float>([pf], learningRate: 0.01);
        var ad = new Adam<double>([pd], learningRate: 0.01);
        for (int i = 0; i < 20; i++)
        {
            af.ZeroGrad();
            ad.ZeroGrad();
            (pf.Square() * pf).Sum().Backward();
            (pd.Square() * pd).Sum().Backward();
            af.Step();
            ad.Step();
        }

        for (int i = 0; i < 3; i++)
        {
            ((double)pf.Values[i]).Should().BeApproximately(pd.Values[i], 1e-5);
        }
    }

    [Fact]
    public void Constructor_BadHyperParameters_Throw()
    {
        var p = Parameter(1.0);

        ((Action)(() => _ = new Sgd<double>([p], learningRate: 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        ((Action)(() => _ = new Adam<double>([p], learningRate: double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate");
        ((Action)(() => new Sgd<double>([p], 0.1).LearningRate = -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LearningRate");
        ((Action)(() => _ = new Sgd<double>([p], 0.1, momentum: 1.0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("momentum");
        ((Action)(() => _ = new Adam<double>([p], beta1: -0.1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta1");
        ((Action)(() => _ = new Adam<double>([p], beta2: 1.0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2");
        ((Action)(() => _ = new Adam<double>([p], epsilon: 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("epsilon");
        ((Action)(() => _ = new AdamW<double>([p], weightDecay: -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weightDecay");
    }

    [Fact]
    public void Step_ParameterListedTwice_TakesOneStep()
    {
        var once = Parameter(1.0, -2.0);
        var twice = Parameter(1.0, -2.0);
        var single = new Sgd<double>([once], learningRate: 0.1);
        var doubled = new Sgd<double>([twice, twice], learningRate: 0.1);
        SetGradient(once, 0.5, -4.0);
        SetGradient(twice, 0.5, -4.0);

        single.Step();
        doubled.Step();

        doubled.Parameters.Should().ContainSingle();
        twice.ToArray().Should().Equal(once.ToArray());
        twice.ToArray().Should().Equal(1.0 - 0.05, -2.0 + 0.4);
    }

    [Fact]
    public void Adam_ParameterListedTwice_KeepsOneStateAndStepsOnce()
    {
        var once = Parameter(3.0);
        var twice = Parameter(3.0);
        var single = new Adam<double>([once], learningRate: 0.1);
        var doubled = new Adam<double>([twice, Parameter(7.0), twice], learningRate: 0.1);
        for (int i = 0; i < 3; i++)
        {
            SetGradient(once, 1.0 + i);
            SetGradient(twice, 1.0 + i);
            single.Step();
            doubled.Step();
        }

        doubled.Parameters.Should().HaveCount(2);
        twice.Values[0].Should().Be(once.Values[0]);
    }

    [Fact]
    public void Constructor_ParameterWithoutRequiresGrad_Throws()
    {
        var act = () => new Adam<double>([AutodiffTensor.Zeros<double>(2)]);

        act.Should().Throw<ArgumentException>().WithParameterName("parameters");
    }

    [Fact]
    public void Adam_LargeParameterUpdatedInParallelChunks_FollowsTheFormulaEverywhere()
    {
        // First Adam step: m̂ = g, v̂ = g², so θ1 = θ0 − η·g/(|g| + ε) for every element.
        const int n = 300_001;
        var p = AutodiffTensor.RandomUniform(new Random(9), -1.0, 1.0, n).RequiringGrad();
        var g = AutodiffTensor.RandomUniform(new Random(10), -1.0, 1.0, n);
        var before = p.ToArray();
        var adam = new Adam<double>([p], learningRate: 0.01);
        (p * g).Sum().Backward();

        adam.Step();

        var after = p.Values;
        var gv = g.Values;
        for (int i = 0; i < n; i++)
        {
            double expected = before[i] - (0.01 * gv[i] / (Math.Sqrt(gv[i] * gv[i]) + 1e-8));
            Math.Abs(after[i] - expected).Should().BeLessThan(1e-15, $"element {i}");
        }
    }

    public static TheoryData<string> Optimizers => ["adam", "adamw", "sgd-momentum"];

    private static Optimizer<float> Create(string kind, IEnumerable<AutodiffTensor<float>> parameters) => kind switch
    {
        "adam" => new Adam<float>(parameters, learningRate: 0.05),
        "adamw" => new AdamW<float>(parameters, learningRate: 0.05, weightDecay: 0.1),
        _ => new Sgd<float>(parameters, learningRate: 0.05, momentum: 0.9),
    };

    // A small regression net and one parameter no loss reaches, so a state file also covers a parameter without state.
    private static (Sequential<float> Net, AutodiffTensor<float> Unused) Network(int seed)
    {
        var random = new Random(seed);
        return (new Sequential<float>(new Linear<float>(3, 5, random), new Tanh<float>(), new Linear<float>(5, 2, random)),
                AutodiffTensor.FromValues<float>([1f, 2f], 2).RequiringGrad());
    }

    private static void Train(Sequential<float> net, Optimizer<float> optimizer, int steps)
    {
        var random = new Random(42);
        var x = AutodiffTensor.RandomNormal(random, 0f, 1f, 8, 3);
        var y = AutodiffTensor.RandomNormal(random, 0f, 1f, 8, 2);
        for (int i = 0; i < steps; i++)
        {
            optimizer.ZeroGrad();
            (net.Forward(x) - y).Square().Mean().Backward();
            optimizer.Step();
        }
    }

    private static int[] Bits(Module<float> net) => [.. net.Parameters().SelectMany(p => p.ToArray()).Select(BitConverter.SingleToInt32Bits)];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void SaveStateThenLoadState_ResumedTraining_GivesTheBitsOfAnUninterruptedRun(string kind)
    {
        const int Total = 12, Before = 5;
        var (reference, referenceUnused) = Network(1);
        Train(reference, Create(kind, [.. reference.Parameters(), referenceUnused]), Total);

        using var folder = new TempDirectory();
        string model = Path.Combine(folder.Path, "model.safetensors");
        string state = Path.Combine(folder.Path, "optimizer.safetensors");
        var (first, firstUnused) = Network(1);
        var firstOptimizer = Create(kind, [.. first.Parameters(), firstUnused]);
        Train(first, firstOptimizer, Before);
        ParameterFile.Save(first, model);
        firstOptimizer.SaveState(state);

        var (resumed, resumedUnused) = Network(2);
        ParameterFile.Load(resumed, model);
        var resumedOptimizer = Create(kind, [.. resumed.Parameters(), resumedUnused]);
        resumedOptimizer.LoadState(state);
        Train(resumed, resumedOptimizer, Total - Before);

        Bits(resumed).Should().Equal(Bits(reference));
        var (fresh, freshUnused) = Network(2);
        ParameterFile.Load(fresh, model);
        Train(fresh, Create(kind, [.. fresh.Parameters(), freshUnused]), Total - Before);
        Bits(fresh).Should().NotEqual(Bits(reference), "without its state the optimizer restarts its moments (and Adam its bias correction)");
    }

    [Fact]
    public void SaveState_WritesPyTorchBufferNamesAndTheStepCount()
    {
        using var folder = new TempDirectory();
        string state = Path.Combine(folder.Path, "adam.safetensors");
        var (net, unused) = Network(1);
        var adam = new Adam<float>([.. net.Parameters(), unused]);
        Train(net, adam, 3);

        adam.SaveState(state);

        var metadata = ParameterFile.ReadMetadata(state);
        (metadata["optimizer"], metadata["step_count"], metadata["parameter_count"], metadata["stateful_parameters"]).Should().Be(("Adam", "3", "5", "0,1,2,3"));
        var header = InfoTheory.Variational.Tests.Serialization.ParameterFileHeader.Read(state);
        header.Select(e => e.Key).Where(k => k != "__metadata__").Should().BeEquivalentTo(
            ["0.exp_avg", "0.exp_avg_sq", "1.exp_avg", "1.exp_avg_sq", "2.exp_avg", "2.exp_avg_sq", "3.exp_avg", "3.exp_avg_sq"], "parameter 4 never had a gradient");
        header["0.exp_avg"]!["shape"]!.AsArray().Select(n => (int)n!).Should().Equal(3, 5);
    }

    [Fact]
    public void LoadState_OfAnotherOptimizerOrShape_ThrowsAndLeavesTheStateUnchanged()
    {
        using var folder = new TempDirectory();
        string adamState = Path.Combine(folder.Path, "adam.safetensors");
        var (net, unused) = Network(1);
        var adam = new Adam<float>([.. net.Parameters(), unused]);
        Train(net, adam, 2);
        adam.SaveState(adamState);

        var (other, otherUnused) = Network(1);
        var adamW = new AdamW<float>([.. other.Parameters(), otherUnused]);
        adamW.Invoking(o => o.LoadState(adamState)).Should().Throw<InvalidDataException>().WithMessage("*state of Adam, not of AdamW*");

        var wider = new Sequential<float>(new Linear<float>(3, 6, new Random(1)), new Tanh<float>(), new Linear<float>(6, 2, new Random(1)));
        var target = new Adam<float>([.. wider.Parameters(), AutodiffTensor.FromValues<float>([1f, 2f], 2).RequiringGrad()]);
        Train(wider, target, 1);
        target.Invoking(o => o.LoadState(adamState)).Should().Throw<InvalidDataException>().WithMessage("*'0.exp_avg' has shape [3, 5]*[3, 6]*");
        target.StepCount.Should().Be(1);

        new Adam<float>(net.Parameters()).Invoking(o => o.LoadState(adamState)).Should().Throw<InvalidDataException>().WithMessage("*5 parameters*has 4*");
    }
}
