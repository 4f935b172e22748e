namespace InfoTheory.Channels;

/// <summary>The capacity of a channel as <see cref="Channel.Capacity"/> found it: the value, an input that achieves it, and the bounds that certify it.</summary>
/// <remarks>
/// Whatever the run did, <see cref="LowerBound"/> ≤ C ≤ <see cref="UpperBound"/> holds (up to rounding): the lower bound is the mutual
/// information of <see cref="Input"/>, the upper bound max_x D(p(·|x) ‖ q) at its output distribution q. When <see cref="Converged"/>
/// is false the gap is still wider than the tolerance asked for; read the bounds, not <see cref="Capacity"/> alone.
/// </remarks>
public sealed class ChannelCapacity
{
    private readonly double[] _input;

    internal ChannelCapacity(double[] input, double lowerBound, double upperBound, int iterations, bool converged, LogBase unit)
    {
        _input = input;
        LowerBound = lowerBound;
        UpperBound = upperBound;
        Iterations = iterations;
        Converged = converged;
        Unit = unit;
    }

    /// <summary>The capacity C = max_p I(X;Y), reported as the mutual information of <see cref="Input"/>, in <see cref="Unit"/>.</summary>
    /// <remarks>Within the run's tolerance of the true capacity when <see cref="Converged"/>; an achievable rate below it otherwise.</remarks>
    public double Capacity => LowerBound;

    /// <summary>The capacity-achieving input distribution p(x) found, one entry per input; inputs no optimal input uses get 0 or a vanishing mass.</summary>
    public IReadOnlyList<double> Input => _input;

    /// <summary>I(X;Y) of <see cref="Input"/>: C ≥ this, in <see cref="Unit"/>.</summary>
    public double LowerBound { get; }

    /// <summary>max_x D(p(·|x) ‖ q) with q the output distribution of <see cref="Input"/>: C ≤ this, in <see cref="Unit"/>.</summary>
    public double UpperBound { get; }

    /// <summary>How many times the bounds were evaluated.</summary>
    public int Iterations { get; }

    /// <summary>Whether the gap <see cref="UpperBound"/> − <see cref="LowerBound"/> met the tolerance (in nats) before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>The unit of <see cref="Capacity"/> and of the bounds.</summary>
    public LogBase Unit { get; }
}
