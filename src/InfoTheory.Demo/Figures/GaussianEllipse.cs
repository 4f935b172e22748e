using ScottPlot;

namespace InfoTheory.Demo.Figures;

/// <summary>A 2-D Gaussian to outline on a density plot by its 1σ, 2σ and 3σ contours.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="MeanX">The mean's first coordinate.</param>
/// <param name="MeanY">The mean's second coordinate.</param>
/// <param name="VarianceX">Σ₁₁ &gt; 0.</param>
/// <param name="Covariance">Σ₁₂, with Σ₁₂² &lt; Σ₁₁Σ₂₂.</param>
/// <param name="VarianceY">Σ₂₂ &gt; 0.</param>
/// <param name="Color">The outline colour.</param>
internal sealed record GaussianEllipse(string Label, double MeanX, double MeanY, double VarianceX, double Covariance, double VarianceY, Color Color)
{
    /// <summary>The outline width in pixels; a wide ellipse drawn under a narrow one shows as a halo where the two coincide.</summary>
    public float LineWidth { get; init; } = 2;

    /// <summary>
    /// Points on the k-σ contour {x : (x − μ)ᵀ Σ⁻¹ (x − μ) = k²}: the circle of radius k mapped by the Cholesky
    /// factor L of Σ (Σ = L Lᵀ), then shifted by μ. The first point is repeated last to close the curve.
    /// </summary>
    public Coordinates[] Contour(double k, int points = 181)
    {
        if (!(VarianceX > 0 && VarianceY > 0 && (Covariance * Covariance) < VarianceX * VarianceY))
        {
            throw new InvalidOperationException($"{Label}: [[{VarianceX}, {Covariance}], [{Covariance}, {VarianceY}]] is not positive definite.");
        }

        double l11 = Math.Sqrt(VarianceX);
        double l21 = Covariance / l11;
        double l22 = Math.Sqrt(VarianceY - (l21 * l21));
        var contour = new Coordinates[points];
        for (int i = 0; i < points; i++)
        {
            double t = 2 * Math.PI * i / (points - 1);
            double u = k * Math.Cos(t);
            double v = k * Math.Sin(t);
            contour[i] = new Coordinates(MeanX + (l11 * u), MeanY + (l21 * u) + (l22 * v));
        }

        return contour;
    }
}
