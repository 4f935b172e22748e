namespace InfoTheory.Continuous;

/// <summary>The norm that measures distance between sample points in the kNN estimators.</summary>
public enum DistanceNorm
{
    /// <summary>The Euclidean norm ‖v‖₂ = √Σ vᵢ²; its unit ball has volume π^(d/2) / Γ(d/2 + 1).</summary>
    Euclidean = 0,

    /// <summary>The maximum (Chebyshev, ℓ∞) norm ‖v‖∞ = maxᵢ |vᵢ|; its unit ball is a cube of volume 2^d.</summary>
    Maximum = 1,
}
