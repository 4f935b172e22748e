namespace InfoTheory.Channels;

/// <summary>One point (D, R) of a rate–distortion curve as <see cref="RateDistortion.AtSlope"/> found it, with the test channel that attains it.</summary>
/// <remarks>
/// <see cref="TestChannel"/> q(x̂|x) has distortion exactly <see cref="Distortion"/> and mutual information exactly <see cref="Rate"/> (up to
/// rounding), so the point is achievable: R(D) ≤ <see cref="Rate"/>. Blahut's bound gives R(D) ≥ <see cref="RateLowerBound"/> at the same D.
/// </remarks>
public sealed class RateDistortionPoint
{
    internal RateDistortionPoint(double slope, double distortion, double rate, double rateLowerBound, Channel testChannel, int iterations, bool converged, LogBase unit)
    {
        Slope = slope;
        Distortion = distortion;
        Rate = rate;
        RateLowerBound = rateLowerBound;
        TestChannel = testChannel;
        Iterations = iterations;
        Converged = converged;
        Unit = unit;
    }

    /// <summary>The slope parameter s &lt; 0 the point was computed for: R′(D) = s, in nats per unit of distortion.</summary>
    public double Slope { get; }

    /// <summary>The expected distortion D = Σ_x p(x) Σ_x̂ q(x̂|x)·d(x, x̂) of <see cref="TestChannel"/>, in the units of the distortion matrix.</summary>
    public double Distortion { get; }

    /// <summary>The rate R = I(X; X̂) of <see cref="TestChannel"/> on the source, in <see cref="Unit"/>: an upper bound on R(<see cref="Distortion"/>), equal to it within the tolerance when <see cref="Converged"/>.</summary>
    public double Rate { get; }

    /// <summary>Blahut's lower bound on R(<see cref="Distortion"/>), in <see cref="Unit"/>; the gap to <see cref="Rate"/> is what the tolerance bounds.</summary>
    public double RateLowerBound { get; }

    /// <summary>The test channel q(x̂|x): one row per source symbol, one column per reproduction symbol.</summary>
    public Channel TestChannel { get; }

    /// <summary>How many Blahut iterations were taken.</summary>
    public int Iterations { get; }

    /// <summary>Whether <see cref="Rate"/> − <see cref="RateLowerBound"/> met the tolerance (in nats) before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>The unit of <see cref="Rate"/> and <see cref="RateLowerBound"/>.</summary>
    public LogBase Unit { get; }
}
