namespace InfoTheory.Channels;

/// <summary>The bounds of a <see cref="Channel.Capacity"/> run after one evaluation of the current input distribution.</summary>
/// <param name="Iteration">The evaluation just made, from 1.</param>
/// <param name="LowerBound">I(X;Y) of the current input, a lower bound on the capacity, in the run's unit.</param>
/// <param name="UpperBound">max_x D(p(·|x) ‖ q), an upper bound on the capacity, in the run's unit.</param>
public readonly record struct CapacityProgress(int Iteration, double LowerBound, double UpperBound);
