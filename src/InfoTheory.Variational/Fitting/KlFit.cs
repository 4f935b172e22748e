using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Fitting;

/// <summary>
/// Fits a full-covariance Gaussian Q to a Gaussian mixture P by minimising a Monte Carlo estimate
/// of KL(P‖Q) or KL(Q‖P) with Adam: the lecture notes' worked example of why the two directions
/// have different minimisers.
/// </summary>
/// <remarks>
/// <para>
/// Q = N(μ, L Lᵀ) is optimised through unconstrained parameters (μ, R) with
/// L = tril(R, −1) + diag(exp(diag R)). Each step draws <see cref="KlFitOptions.SamplesPerStep"/> points and minimises
/// the mean of the clipped log-ratio:
/// forward, x ~ P and ℓ = log p(x) − log q(x) (its gradient is that of −E_P[log q], since p does not
/// depend on Q); reverse, z = μ + L ξ with ξ ~ N(0, I) (reparameterised) and ℓ = log q(z) − log p(z),
/// with log p the differentiable log-sum-exp of the mixture. Clipping ℓ to
/// [<see cref="KlFitOptions.LogRatioMin"/>, <see cref="KlFitOptions.LogRatioMax"/>], as the notes do, bounds the
/// terms where the ratio blows up; clipped terms contribute no gradient.
/// </para>
/// <para>
/// The minimiser of KL(P‖Q) over Gaussians matches the mean and covariance of P (moment matching);
/// minimisers of KL(Q‖P) sit on a mode (Bishop 2006, "Pattern Recognition and Machine Learning", §10.1.2;
/// Adam: Kingma and Ba 2015). The run is deterministic: every draw comes from one generator seeded
/// with <see cref="KlFitOptions.Seed"/>.
/// </para>
/// <para>Thread safety: every call owns its parameters, optimizer and generator, so calls may run concurrently,
/// also on the same target.</para>
/// </remarks>
public static class KlFit
{
    /// <summary>Fits a Gaussian to <paramref name="target"/> in the chosen KL direction.</summary>
    /// <param name="target">P, the mixture to approximate.</param>
    /// <param name="direction">Which divergence to minimise.</param>
    /// <param name="options">Schedule, sample sizes, clipping, seed and start; <see cref="KlFitOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the loss after every step; optional.</param>
    /// <returns>The fitted Gaussian, the loss of every step and the final KL estimate, in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is undefined.</exception>
    /// <exception cref="ArgumentException">The start in <paramref name="options"/> has another dimension than the target.</exception>
    /// <exception cref="TrainingDivergedException">
    /// The loss or a parameter became non-finite, or Q's covariance left the range of double (learning rate too large);
    /// <see cref="TrainingDivergedException.Batch"/> is the failing step, <see cref="TrainingDivergedException.Epoch"/> is 1.
    /// </exception>
    public static KlFitResult Fit(GaussianMixture target, KlDirection direction, KlFitOptions? options = null, IProgress<KlFitProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Guard.Defined(direction, nameof(direction));
        options ??= KlFitOptions.Default;
        if (options.Start is { } start && start.Dimension != target.Dimension)
        {
            throw new ArgumentException(
                $"options.Start has dimension {start.Dimension} but the target has dimension {target.Dimension}; they must agree.", nameof(options));
        }

        int d = target.Dimension;
        var (mean, raw) = Unconstrained(options.Start ?? Gaussian.Standard(d));
        var differentiableTarget = new DifferentiableGaussianMixture<double>(target);
        var optimizer = new Adam<double>([mean, raw], options.LearningRate);
        var random = new Random(options.Seed);
        int n = options.SamplesPerStep;
        var points = new double[n * d];
        var targetLogDensity = new double[n];
        var trace = new double[options.Steps];
        var checkpoint = new ParameterCheckpoint<double>(optimizer);
        Func<bool> representable = () => Representable(raw, d);
        Func<double> oneStep = () =>
        {
            using (TensorScope.Begin())
            {
                var q = CholeskyGaussian.FromUnconstrained(mean, raw);
                AutodiffTensor<double> logRatio;
                if (direction == KlDirection.Forward)
                {
                    target.Sample(random, points);
                    target.LogDensity(points, targetLogDensity);
                    logRatio = AutodiffTensor.FromValues<double>(targetLogDensity, n) - q.LogProb(AutodiffTensor.FromValues<double>(points, n, d));
                }
                else
                {
                    var z = q.RSample(random, n);
                    logRatio = q.LogProb(z) - differentiableTarget.LogProb(z);
                }

                var loss = logRatio.Clamp(options.LogRatioMin, options.LogRatioMax).Mean();
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                return loss.Item;
            }
        };
        for (int step = 0; step < options.Steps; step++)
        {
            optimizer.LearningRate = ScheduledRate(options, step);

            // Every step is its own epoch for the guard: Q has a handful of parameters, so the snapshot is free.
            checkpoint.BeginEpoch();
            trace[step] = checkpoint.Step(oneStep, epoch: 1, batch: step + 1, representable);

            progress?.Report(new KlFitProgress(step + 1, options.Steps, trace[step]));
        }

        Gaussian fitted;
        using (Autograd.NoGrad())
        {
            fitted = CholeskyGaussian.FromUnconstrained(mean, raw).ToGaussian(0);
        }

        var monteCarlo = new MonteCarloOptions { LogRatioMin = options.LogRatioMin, LogRatioMax = options.LogRatioMax };
        var kl = direction == KlDirection.Forward
            ? MonteCarlo.KullbackLeibler(target, fitted, options.EvaluationSamples, options.Seed, monteCarlo)
            : MonteCarlo.KullbackLeibler(fitted, target, options.EvaluationSamples, options.Seed, monteCarlo);
        return new KlFitResult(direction, fitted, trace, kl);
    }

    // The linear schedule from LearningRate to FinalLearningRate as a weighted mean, kept between the two: a + f·(b − a)
    // rounds to 0 at the last step when b is subnormal beside a, and the weights' rounding could step past either end.
    private static double ScheduledRate(KlFitOptions options, int step)
    {
        double fraction = options.Steps == 1 ? 0 : (double)step / (options.Steps - 1);
        (double first, double last) = (options.LearningRate, options.FinalLearningRate);
        double rate = ((1 - fraction) * first) + (fraction * last);
        return Math.Clamp(rate, Math.Min(first, last), Math.Max(first, last));
    }

    // Q must stay a Gaussian the core library can hold: L = tril(R, −1) + diag(exp(diag R)) needs a diagonal whose
    // square is positive in double, and the covariance L Lᵀ, bounded entrywise by its diagonal Σₖ L²ᵢₖ, must be finite.
    private static bool Representable(AutodiffTensor<double> raw, int d)
    {
        var r = raw.Values;
        for (int i = 0; i < d; i++)
        {
            double diagonal = Math.Exp(r[(i * d) + i]);
            double variance = diagonal * diagonal;
            for (int k = 0; k < i; k++)
            {
                variance += r[(i * d) + k] * r[(i * d) + k];
            }

            if (!(diagonal * diagonal > 0) || !double.IsFinite(variance))
            {
                return false;
            }
        }

        return true;
    }

    // The inverse of the unconstrained parameterisation: R = tril(L, −1) + diag(ln diag L).
    private static (AutodiffTensor<double> Mean, AutodiffTensor<double> Raw) Unconstrained(Gaussian start)
    {
        var factor = start.CholeskyFactor;
        int d = start.Dimension;
        var raw = AutodiffTensor.Zeros<double>(d, d);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < i; j++)
            {
                raw.Values[(i * d) + j] = factor[(i * d) + j];
            }

            raw.Values[(i * d) + i] = Math.Log(factor[(i * d) + i]);
        }

        return (AutodiffTensor.FromValues(start.Mean, d).RequiringGrad(), raw.RequiringGrad());
    }
}
