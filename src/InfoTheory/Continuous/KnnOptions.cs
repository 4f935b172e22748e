using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>Settings for the <see cref="Knn"/> estimators. Nothing is done to the data unless asked for here.</summary>
/// <remarks>
/// The estimators never add noise or rescale on their own, so the same input always gives the same
/// result. Ties (repeated points) make neighbour distances zero, and the estimators reject them (see
/// <see cref="Knn"/>); <see cref="Jitter"/> breaks them with reproducible noise when the caller chooses to.
/// Each property is checked when it is set, so an options object is always valid.
/// </remarks>
public sealed record KnnOptions
{
    private readonly DistanceNorm _norm = DistanceNorm.Euclidean;
    private readonly KsgAlgorithm _algorithm = KsgAlgorithm.One;
    private readonly double _jitter;
    private readonly NeighborSearch _search = NeighborSearch.KdTree;
    private readonly LogBase _unit = LogBase.Nats;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>Euclidean norm, KSG algorithm 1, no standardisation, no jitter, k-d tree, nats, all cores.</summary>
    public static KnnOptions Default { get; } = new();

    /// <summary>
    /// The norm for <see cref="Knn.Entropy(double[,], int, KnnOptions?)"/>,
    /// <see cref="Knn.KullbackLeibler(double[,], double[,], int, KnnOptions?)"/> and Ross's estimate against labels
    /// (<see cref="Knn.MutualInformation{TLabel}(double[,], ReadOnlySpan{TLabel}, int, KnnOptions?)"/>); Euclidean by default.
    /// The KSG and mixture mutual-information estimators are derived for the maximum norm and always use it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="DistanceNorm"/>.</exception>
    public DistanceNorm Norm
    {
        get => _norm;
        init
        {
            Guard.Defined(value, nameof(Norm));
            _norm = value;
        }
    }

    /// <summary>The KSG variant used by the mutual-information estimators; algorithm 1 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="KsgAlgorithm"/>.</exception>
    public KsgAlgorithm Algorithm
    {
        get => _algorithm;
        init
        {
            Guard.Defined(value, nameof(Algorithm));
            _algorithm = value;
        }
    }

    /// <summary>
    /// Whether to centre each column and divide it by its sample standard deviation first (columns
    /// with zero spread are only centred). Mutual information and KL divergence are invariant under
    /// this, their estimates are not; for KL both sets are scaled by the statistics of the first set,
    /// and for entropy Σ ln σⱼ is added back so the result still refers to the original data. Means and
    /// deviations are computed in a power-of-two unit per column, so data near ±1.8e308 do not overflow.
    /// </summary>
    public bool Standardize { get; init; }

    /// <summary>
    /// The standard deviation of Gaussian noise added to every coordinate (after standardisation) to
    /// break ties; 0, the default, adds none. The noise comes from <see cref="JitterSeed"/>.
    /// </summary>
    /// <remarks>
    /// Meant for continuous data recorded with limited precision: noise of about the recording step undoes
    /// the rounding, while much smaller noise only separates the copies and the estimate then reflects the
    /// noise. It does not make discrete or mixed data continuous: those call for
    /// <see cref="Knn.MixtureMutualInformation(double[,], double[,], int, KnnOptions?)"/>, which accepts ties.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double Jitter
    {
        get => _jitter;
        init
        {
            Guard.InRange(value, 0.0, double.MaxValue, nameof(Jitter));
            _jitter = value;
        }
    }

    /// <summary>The seed of the jitter noise; the same seed gives the same noise.</summary>
    public int JitterSeed { get; init; }

    /// <summary>How neighbours are found; both choices give identical results. The k-d tree by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="NeighborSearch"/>.</exception>
    public NeighborSearch Search
    {
        get => _search;
        init
        {
            Guard.Defined(value, nameof(Search));
            _search = value;
        }
    }

    /// <summary>The unit of the value and standard error; nats by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="LogBase"/>.</exception>
    public LogBase Unit
    {
        get => _unit;
        init
        {
            Guard.Defined(value, nameof(Unit));
            _unit = value;
        }
    }

    /// <summary>The most threads the neighbour queries use; −1 (the default) means all cores, as <see cref="ParallelOptions.MaxDegreeOfParallelism"/>. Results never depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            Guard.DegreeOfParallelism(value, nameof(MaxDegreeOfParallelism));
            _maxDegreeOfParallelism = value;
        }
    }
}
