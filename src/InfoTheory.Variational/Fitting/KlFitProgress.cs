namespace InfoTheory.Variational.Fitting;

/// <summary>The state of a <see cref="KlFit"/> run after one optimisation step.</summary>
/// <param name="Step">The step just taken, from 1 to <paramref name="Steps"/>.</param>
/// <param name="Steps">The total number of steps.</param>
/// <param name="Loss">The clipped Monte Carlo KL estimate of this step, in nats.</param>
public readonly record struct KlFitProgress(int Step, int Steps, double Loss);
