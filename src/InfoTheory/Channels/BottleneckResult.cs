namespace InfoTheory.Channels;

/// <summary>A solution of the information bottleneck as <see cref="InformationBottleneck.Fit"/> found it: the encoder p(t|x) and the two informations it trades.</summary>
public sealed class BottleneckResult
{
    private readonly double[] _clusters;

    internal BottleneckResult(Channel encoder, double[] clusters, double informationXT, double informationTY, double beta, int iterations, bool converged, LogBase unit)
    {
        Encoder = encoder;
        _clusters = clusters;
        InformationXT = informationXT;
        InformationTY = informationTY;
        Beta = beta;
        Iterations = iterations;
        Converged = converged;
        Unit = unit;
    }

    /// <summary>The encoder p(t|x): one row per value of X, one column per cluster t.</summary>
    public Channel Encoder { get; }

    /// <summary>The cluster distribution p(t) = Σ_x p(x) p(t|x); a cluster no x uses has 0.</summary>
    public IReadOnlyList<double> Clusters => _clusters;

    /// <summary>I(X;T), what the clusters keep of X (the compression term), in <see cref="Unit"/>.</summary>
    public double InformationXT { get; }

    /// <summary>I(T;Y), what the clusters keep of the relevant variable Y, in <see cref="Unit"/>; at most I(X;Y).</summary>
    public double InformationTY { get; }

    /// <summary>The trade-off β the solution was found for.</summary>
    public double Beta { get; }

    /// <summary>How many updates of the encoder were made.</summary>
    public int Iterations { get; }

    /// <summary>Whether the last update changed no encoder probability by more than the tolerance before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>The unit of <see cref="InformationXT"/> and <see cref="InformationTY"/>.</summary>
    public LogBase Unit { get; }
}
