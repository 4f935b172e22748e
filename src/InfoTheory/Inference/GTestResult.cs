namespace InfoTheory.Inference;

/// <summary>The outcome of a likelihood-ratio (G) test of independence: the statistic, its degrees of freedom and its asymptotic p-value.</summary>
/// <param name="Statistic">G = 2N·Î in nats, ≥ 0.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom of the χ² the statistic is compared with, ≥ 0.</param>
/// <param name="PValue">P(χ²_df ≥ G), in [0, 1]; 1 when there are no degrees of freedom.</param>
public readonly record struct GTestResult(double Statistic, int DegreesOfFreedom, double PValue);
