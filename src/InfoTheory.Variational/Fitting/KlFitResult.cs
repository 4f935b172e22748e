using InfoTheory.Continuous;

namespace InfoTheory.Variational.Fitting;

/// <summary>The outcome of <see cref="KlFit"/>: the fitted Gaussian, the loss of every step and the final divergence.</summary>
public sealed class KlFitResult
{
    internal KlFitResult(KlDirection direction, Gaussian fitted, double[] lossTrace, Estimate kl)
    {
        Direction = direction;
        Fitted = fitted;
        LossTrace = lossTrace;
        Kl = kl;
    }

    /// <summary>The divergence that was minimised.</summary>
    public KlDirection Direction { get; }

    /// <summary>The fitted Gaussian Q: its mean and full covariance.</summary>
    public Gaussian Fitted { get; }

    /// <summary>The clipped Monte Carlo KL estimate of each step, in nats: the curve to plot.</summary>
    public IReadOnlyList<double> LossTrace { get; }

    /// <summary>
    /// The divergence of the fitted Gaussian in the fitted direction (KL(P‖Q) or KL(Q‖P)), estimated by
    /// <see cref="MonteCarlo.KullbackLeibler(IDensity, IDensity, int, int, MonteCarloOptions?)"/> with fresh
    /// samples and the same clipping interval, in nats, with its standard error and clipped fraction.
    /// </summary>
    public Estimate Kl { get; }
}
