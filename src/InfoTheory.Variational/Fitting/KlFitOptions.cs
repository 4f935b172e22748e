using InfoTheory.Continuous;

namespace InfoTheory.Variational.Fitting;

/// <summary>Settings of <see cref="KlFit"/>: optimiser schedule, Monte Carlo sample sizes, clipping, seed and starting point.</summary>
/// <remarks>
/// The defaults fit the lecture notes' two-dimensional example in about a second: 400 Adam steps of
/// 256 samples, the learning rate decaying linearly from 0.01 to 0.001 so the last iterates settle
/// instead of jittering, and the log-ratio clipped to [−10, 10]. A small learning rate matters for
/// reverse KL: on that example the mode-locked fits are local minima, and large noisy steps carry
/// Q out of them to the single broad Gaussian between the modes.
/// </remarks>
public sealed record KlFitOptions
{
    /// <summary>The defaults described on the type.</summary>
    public static KlFitOptions Default { get; } = new();

    /// <summary>The number of Adam steps, ≥ 1.</summary>
    public int Steps { get; init; } = 400;

    /// <summary>The learning rate of the first step; finite and &gt; 0.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>The learning rate of the last step, reached by linear decay; finite and &gt; 0.</summary>
    public double FinalLearningRate { get; init; } = 0.001;

    /// <summary>The number of Monte Carlo samples per step, ≥ 2.</summary>
    public int SamplesPerStep { get; init; } = 256;

    /// <summary>The number of fresh samples for the final KL estimate, ≥ 2.</summary>
    public int EvaluationSamples { get; init; } = 20000;

    /// <summary>The seed of every random draw; the same seed gives the same fit.</summary>
    public int Seed { get; init; }

    /// <summary>The lower end of the interval each log-ratio is clipped to; −10 by default.</summary>
    public double LogRatioMin { get; init; } = -10.0;

    /// <summary>The upper end of the interval each log-ratio is clipped to; 10 by default.</summary>
    public double LogRatioMax { get; init; } = 10.0;

    /// <summary>The starting Gaussian Q₀, of the target's dimension; N(0, I) when null.</summary>
    public Gaussian? Start { get; init; }
}
