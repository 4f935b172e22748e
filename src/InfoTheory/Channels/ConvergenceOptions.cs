using InfoTheory.Internal;

namespace InfoTheory.Channels;

/// <summary>When the iterative channel algorithms stop: a tolerance on their own convergence gap and a cap on iterations.</summary>
/// <remarks>
/// What the tolerance bounds is each algorithm's: the gap between the upper and lower bound on the capacity in nats
/// (<see cref="Channel.Capacity"/>), the gap between the rate and Blahut's lower bound on R(D) in nats
/// (<see cref="RateDistortion.AtSlope"/>), or the largest change of an encoder probability between two iterations
/// (<see cref="InformationBottleneck.Fit"/>). A run that reaches <see cref="MaxIterations"/> first returns its last iterate flagged as
/// not converged, with its bounds. Each property is checked when it is set, so an options object is always valid.
/// </remarks>
public sealed record ConvergenceOptions
{
    private readonly double _tolerance = 1e-9;
    private readonly int _maxIterations = 10_000;

    /// <summary>A tolerance of 1e-9 and at most 10 000 iterations.</summary>
    public static ConvergenceOptions Default { get; } = new();

    /// <summary>The largest gap accepted as converged; finite and &gt; 0, 1e-9 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init
        {
            Guard.Positive(value, nameof(Tolerance));
            _tolerance = value;
        }
    }

    /// <summary>The most iterations a run may take, ≥ 1; 10 000 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is &lt; 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init
        {
            Guard.InRange(value, 1, int.MaxValue, nameof(MaxIterations));
            _maxIterations = value;
        }
    }
}
