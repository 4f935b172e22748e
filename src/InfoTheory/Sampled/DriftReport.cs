using InfoTheory.Internal;

namespace InfoTheory.Sampled;

/// <summary>How far a current sample has drifted from a reference over the same bins: the population stability index, its terms, and four divergences.</summary>
/// <remarks>
/// With bin shares rᵢ (reference) and cᵢ (current), PSI = Σᵢ (cᵢ − rᵢ) ln(cᵢ / rᵢ), each share that is 0 taken as
/// <see cref="Drift.EmptyBinShare"/> so that an empty bin costs a large but finite term. Without empty bins the PSI is
/// exactly the Jeffreys divergence KL(c‖r) + KL(r‖c). The divergences use the shares as they are: KL and Jeffreys are
/// +∞ when one sample fills a bin the other leaves empty, JSD and Hellinger stay finite. The usual reading of the index
/// (a convention of credit scoring, not a test): below 0.1 no meaningful shift, 0.1 to 0.25 a moderate shift worth a look,
/// above 0.25 a major shift.
/// </remarks>
public class DriftReport
{
    private readonly double[] _referenceShares;
    private readonly double[] _currentShares;
    private readonly double[] _contributions;

    internal DriftReport(double[] referenceShares, double[] currentShares, LogBase unit)
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        _referenceShares = referenceShares;
        _currentShares = currentShares;
        _contributions = new double[referenceShares.Length];
        double sum = 0, squares = 0;
        for (int i = 0; i < _contributions.Length; i++)
        {
            double r = referenceShares[i] == 0 ? Drift.EmptyBinShare : referenceShares[i];
            double c = currentShares[i] == 0 ? Drift.EmptyBinShare : currentShares[i];
            _contributions[i] = (c - r) * Math.Log(c / r) / natsPerUnit;
            sum += _contributions[i];
            double d = Math.Sqrt(currentShares[i]) - Math.Sqrt(referenceShares[i]);
            squares += d * d;
        }

        Value = sum;
        KullbackLeibler = Divergence.KullbackLeibler(currentShares, referenceShares, unit);
        double reverse = Divergence.KullbackLeibler(referenceShares, currentShares, unit);
        Jeffreys = KullbackLeibler + reverse;
        JensenShannon = Divergence.JensenShannon(currentShares, referenceShares, unit);

        // ‖√c − √r‖/√2 rather than √(1 − Σ√(cr)): no cancellation for nearly equal shares.
        Hellinger = Math.Min(Math.Sqrt(squares / 2), 1.0);
    }

    /// <summary>The population stability index Σᵢ (cᵢ − rᵢ) ln(cᵢ / rᵢ), in the unit asked for (nats by default), ≥ 0.</summary>
    public double Value { get; }

    /// <summary>Each bin's term (cᵢ − rᵢ) ln(cᵢ / rᵢ), every one ≥ 0; they sum to <see cref="Value"/>.</summary>
    public ReadOnlySpan<double> Contributions => _contributions;

    /// <summary>The reference's share of each bin, rᵢ (summing to 1), before any empty bin is given <see cref="Drift.EmptyBinShare"/>.</summary>
    public ReadOnlySpan<double> ReferenceShares => _referenceShares;

    /// <summary>The current sample's share of each bin, cᵢ (summing to 1), before any empty bin is given <see cref="Drift.EmptyBinShare"/>.</summary>
    public ReadOnlySpan<double> CurrentShares => _currentShares;

    /// <summary>KL(c‖r), how surprising the current bins are under the reference's, in the unit asked for; +∞ when the current sample fills a bin the reference leaves empty.</summary>
    public double KullbackLeibler { get; }

    /// <summary>The Jeffreys divergence KL(c‖r) + KL(r‖c), symmetric, in the unit asked for; +∞ when either sample fills a bin the other leaves empty.</summary>
    public double Jeffreys { get; }

    /// <summary>The Jensen–Shannon divergence of the two share vectors, in the unit asked for: finite, in [0, ln 2] nats.</summary>
    public double JensenShannon { get; }

    /// <summary>The Hellinger distance √(½ Σᵢ (√cᵢ − √rᵢ)²) = √(1 − Σᵢ √(cᵢrᵢ)), dimensionless, in [0, 1].</summary>
    /// <remarks>E. Hellinger, "Neue Begründung der Theorie quadratischer Formen von unendlichvielen Veränderlichen", J. reine angew. Math. 136 (1909) 210–271.</remarks>
    public double Hellinger { get; }
}

/// <summary>A <see cref="DriftReport"/> whose bins are categories, in the order <see cref="Categories"/> lists them.</summary>
/// <typeparam name="T">The category type.</typeparam>
public sealed class CategoricalDriftReport<T> : DriftReport
{
    private readonly T[] _categories;

    internal CategoricalDriftReport(T[] categories, double[] referenceShares, double[] currentShares, LogBase unit)
        : base(referenceShares, currentShares, unit)
        => _categories = categories;

    /// <summary>The category of each bin: the reference's categories in order of first appearance, then those only the current sample holds.</summary>
    public IReadOnlyList<T> Categories => _categories;
}
