using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>The Fisher information metric of the categorical family: the Riemannian metric every smooth divergence reduces to locally.</summary>
/// <remarks>
/// A divergence D satisfies D(ξ : ξ + dξ) = ½ Σ g_ij(ξ) dξ_i dξ_j + O(‖dξ‖³), and for the Kullback–Leibler
/// divergence g is the Fisher information g_ij = E[∂_i log p · ∂_j log p]. Coordinates: a categorical
/// distribution p = (p₁, …, p_n) with every p_i &gt; 0 is parametrised by its first n − 1 probabilities
/// ξ = (p₁, …, p_{n−1}), with p_n = 1 − Σ ξ_i. In these coordinates G_ij = δ_ij / p_i + 1 / p_n
/// (Amari &amp; Nagaoka 2000, Methods of Information Geometry, §2.2).
/// </remarks>
public static class FisherInformation
{
    /// <summary>The (n − 1) × (n − 1) Fisher information matrix of the categorical distribution <paramref name="p"/>.</summary>
    /// <remarks>G_ij = δ_ij / p_i + 1 / p_n in the coordinates ξ = (p₁, …, p_{n−1}); symmetric positive definite.</remarks>
    /// <param name="p">The distribution: a probability vector of length n ≥ 2 with every p_i &gt; 0.</param>
    /// <returns>G as a new (n − 1) × (n − 1) array, in nats per unit of probability squared.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a probability vector, has fewer than 2 entries, or has a zero entry.</exception>
    public static double[,] Categorical(ReadOnlySpan<double> p)
    {
        Guard.InteriorProbabilities(p, nameof(p));
        int m = p.Length - 1;
        var g = new double[m, m];
        double last = 1 / p[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                g[i, j] = last;
            }

            g[i, i] += 1 / p[i];
        }

        return g;
    }

    /// <summary>Writes the Fisher information matrix of the categorical distribution <paramref name="p"/> into <paramref name="destination"/>, row-major.</summary>
    /// <remarks>G_ij = δ_ij / p_i + 1 / p_n in the coordinates ξ = (p₁, …, p_{n−1}), stored at i·(n − 1) + j.</remarks>
    /// <param name="p">The distribution: a probability vector of length n ≥ 2 with every p_i &gt; 0.</param>
    /// <param name="destination">Receives G; length (n − 1)².</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a probability vector, has fewer than 2 entries, or has a zero entry; or <paramref name="destination"/> does not have length (n − 1)².</exception>
    /// <exception cref="ArgumentOutOfRangeException">(n − 1)² exceeds <see cref="int.MaxValue"/>, so no span can hold the matrix.</exception>
    public static void Categorical(ReadOnlySpan<double> p, Span<double> destination)
    {
        Guard.InteriorProbabilities(p, nameof(p));
        int m = p.Length - 1;
        Guard.SameLength(Guard.ElementCount(nameof(p), "(n − 1)²", m, m), destination.Length, "(n - 1)²", nameof(destination));
        destination.Fill(1 / p[m]);
        for (int i = 0; i < m; i++)
        {
            destination[(i * m) + i] += 1 / p[i];
        }
    }

    /// <summary>The second-order approximation ½ dξᵀ G dξ of KL(p ‖ p + dp) for a small step dξ in the coordinates ξ.</summary>
    /// <remarks>
    /// With dp = (dξ₁, …, dξ_{n−1}, −Σ dξ_i): ½ dξᵀ G dξ = ½ (Σ_{i&lt;n} dξ_i² / p_i + (Σ dξ_i)² / p_n) = ½ Σ_i dp_i² / p_i,
    /// and KL(p ‖ p + dp) = ½ dξᵀ G dξ + O(‖dξ‖³). Computed in O(n) without forming G.
    /// </remarks>
    /// <param name="p">The distribution: a probability vector of length n ≥ 2 with every p_i &gt; 0.</param>
    /// <param name="step">The step dξ in the first n − 1 probabilities; every entry finite.</param>
    /// <returns>½ dξᵀ G dξ in nats, ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a probability vector, has fewer than 2 entries, or has a zero entry; or <paramref name="step"/> does not have length n − 1 or has a non-finite entry.</exception>
    public static double QuadraticForm(ReadOnlySpan<double> p, ReadOnlySpan<double> step)
    {
        Guard.InteriorProbabilities(p, nameof(p));
        int m = p.Length - 1;
        Guard.SameLength(m, step.Length, "n - 1", nameof(step));
        Guard.AllFinite(step, nameof(step));
        double sum = 0, diagonal = 0;
        for (int i = 0; i < m; i++)
        {
            sum += step[i];
            diagonal += step[i] * step[i] / p[i];
        }

        return 0.5 * (diagonal + (sum * sum / p[m]));
    }
}
