namespace InfoTheory.Continuous;

/// <summary>
/// Which per-sample term a Monte Carlo KL estimate averages: the k1, k2 and k3 estimators of J. Schulman (2020),
/// "Approximating KL divergence", http://joschu.net/blog/kl-approx.html, and the absolute log-ratio.
/// </summary>
/// <remarks>
/// With x ~ P and r = q(x)/p(x), so that log r = log q(x) − log p(x) = −ℓ where ℓ is the log-ratio this library clips,
/// each member names the term averaged to estimate KL(P‖Q) = E_P[−log r]. The same estimator is used by the
/// <see cref="IDensity"/> estimators of <see cref="MonteCarlo"/> and by those over log-probabilities.
/// </remarks>
public enum MonteCarloEstimator
{
    /// <summary>
    /// k1 = −log r = ℓ: the plain log-ratio. Unbiased, but single terms can be negative and the variance is large when
    /// P and Q are close (Schulman's table: standard deviation 20 times the true KL of 0.005).
    /// </summary>
    /// <remarks>
    /// Used as a loss, differentiated through log p with the samples held fixed (as the variational package's KL
    /// penalty is), its expected gradient is E_P[∇ log p] = 0: it penalises nothing in expectation. Use k1 as a reward
    /// penalty, or k2 as the loss.
    /// </remarks>
    K1 = 0,

    /// <summary>
    /// k2 = ½ (log r)² = ½ ℓ²: biased but low-variance and never negative.
    /// </summary>
    /// <remarks>
    /// E_P[k2] is an f-divergence that agrees with KL(P‖Q) to second order as Q → P, so the bias is small for close
    /// distributions (Schulman's table: 0.2% of a true KL of 0.005, 25% of a true KL of 0.5). Used as a loss,
    /// differentiated through log p with the samples held fixed, its expected gradient is E_P[ℓ ∇ log p] = ∇KL(P‖Q):
    /// of the four, the one whose gradient is that of the KL it estimates.
    /// </remarks>
    K2 = 1,

    /// <summary>
    /// k3 = (r − 1) − log r = e^(−ℓ) − 1 + ℓ: the control-variate estimator.
    /// </summary>
    /// <remarks>
    /// E_P[r − 1] = 0, so adding it to k1 keeps the estimate unbiased while every term becomes ≥ 0 (it is the Bregman
    /// divergence of −log at r) and the variance usually drops for nearby distributions. The term contains r itself, so
    /// its variance is infinite when E_P[r²] = ∫ q²/p diverges (Q with heavier tails than P, e.g. a Gaussian Q wider than
    /// √2 times P); then the mean converges slowly from below and the standard error is unreliable. Used as a loss,
    /// differentiated through log p with the samples held fixed, its expected gradient is E_P[(1 − r) ∇ log p] =
    /// ∇KL(Q‖P): the gradient of the other direction, although its value estimates KL(P‖Q).
    /// </remarks>
    K3 = 2,

    /// <summary>
    /// |log r| = |ℓ|: the absolute log-ratio some training libraries offer. Never negative, biased upwards:
    /// E_P|log r| ≥ |E_P log r| = KL(P‖Q), and it is not a second-order match to KL as k2 is.
    /// </summary>
    /// <remarks>
    /// Used as a loss through log p with the samples held fixed, its expected gradient is E_P[sign(ℓ) ∇ log p] =
    /// ∇ Σₓ |p(x) − q(x)|, twice the gradient of the total-variation distance, not of a KL.
    /// </remarks>
    AbsoluteLogRatio = 3,
}
