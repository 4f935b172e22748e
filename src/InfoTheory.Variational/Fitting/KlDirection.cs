namespace InfoTheory.Variational.Fitting;

/// <summary>Which Kullback–Leibler divergence <see cref="KlFit"/> minimises between the target P and the Gaussian Q.</summary>
public enum KlDirection
{
    /// <summary>KL(P‖Q), estimated with samples from P: mass-covering, it lands on the moments of P (one wide Gaussian over every mode).</summary>
    Forward,

    /// <summary>KL(Q‖P), estimated with reparameterised samples from Q: mode-seeking, it locks onto one mode of P.</summary>
    Reverse,
}
