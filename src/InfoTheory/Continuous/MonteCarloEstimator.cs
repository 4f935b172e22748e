namespace InfoTheory.Continuous;

/// <summary>Which per-sample term a Monte Carlo divergence estimate averages.</summary>
public enum MonteCarloEstimator
{
    /// <summary>
    /// The plain estimator: the mean of the log-ratio ℓ = log p(x) − log q(x) over x ~ p.
    /// Unbiased, but single terms can be negative and the variance is large when p and q differ a lot.
    /// </summary>
    Plain = 0,

    /// <summary>
    /// The control-variate estimator: the mean of (r − 1) − log r with r = q(x)/p(x) = e^(−ℓ) over x ~ p.
    /// </summary>
    /// <remarks>
    /// E_p[r − 1] = 0, so adding it keeps the estimate unbiased while every term becomes ≥ 0 and the
    /// variance usually drops for nearby distributions. The term contains r itself, so its variance is
    /// infinite when E_p[r²] = ∫ q²/p diverges (q with heavier tails than p, e.g. a Gaussian q wider than
    /// √2 times p); then the mean converges slowly from below and the standard error is unreliable. J. Schulman (2020), "Approximating KL divergence",
    /// http://joschu.net/blog/kl-approx.html (the "k3" estimator).
    /// </remarks>
    ControlVariate = 1,
}
