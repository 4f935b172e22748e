using InfoTheory.Internal;

namespace InfoTheory.Variational.Models;

/// <summary>Training options of a <see cref="SparseAutoencoder"/>: the common options plus the sparsity target ρ and weight β.</summary>
/// <remarks>The loss is squared error + β Σ_j KL(ρ ‖ ρ̂_j), ρ̂_j the mean activation of code unit j over the minibatch (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011).</remarks>
public sealed record SparseOptions : TrainingOptions
{
    private readonly double _targetActivation = 0.05;
    private readonly double _sparsityWeight = 1.0;

    /// <summary>ρ, the desired mean activation of every code unit, strictly between 0 and 1; 0.05 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double TargetActivation
    {
        get => _targetActivation;
        init
        {
            if (!(value > 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(TargetActivation), value, $"{nameof(TargetActivation)} is {Guard.Format(value)}; it must lie strictly between 0 and 1.");
            }

            _targetActivation = value;
        }
    }

    /// <summary>β, the weight of the sparsity penalty, finite and &gt;= 0; 1 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double SparsityWeight
    {
        get => _sparsityWeight;
        init
        {
            Guard.InRange(value, 0.0, double.MaxValue, nameof(SparsityWeight));
            _sparsityWeight = value;
        }
    }
}
