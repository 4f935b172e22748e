using InfoTheory.Demo.Figures;
using ScottPlot;

namespace InfoTheory.Demo.Tests.Figures;

public class GaussianEllipseTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Contour_EveryPointIsAtMahalanobisDistanceK(double k)
    {
        var ellipse = new GaussianEllipse("q", 0.5, -1, 0.3125, 0.25, 0.40625, Colors.Red);
        double det = (0.3125 * 0.40625) - (0.25 * 0.25);

        foreach (Coordinates c in ellipse.Contour(k))
        {
            double dx = c.X - 0.5;
            double dy = c.Y + 1;

            // (x − μ)ᵀ Σ⁻¹ (x − μ) with the 2×2 inverse [[Σ₂₂, −Σ₁₂], [−Σ₁₂, Σ₁₁]] / det.
            double squared = ((0.40625 * dx * dx) - (2 * 0.25 * dx * dy) + (0.3125 * dy * dy)) / det;
            squared.Should().BeApproximately(k * k, 1e-9);
        }
    }

    [Fact]
    public void Contour_IsClosed()
    {
        Coordinates[] contour = new GaussianEllipse("q", 0, 0, 1, 0.5, 2, Colors.Red).Contour(1);

        contour[^1].X.Should().BeApproximately(contour[0].X, 1e-12);
        contour[^1].Y.Should().BeApproximately(contour[0].Y, 1e-12);
    }

    [Fact]
    public void Contour_CovarianceNotPositiveDefinite_Throws()
    {
        Action act = () => new GaussianEllipse("q", 0, 0, 1, 1, 1, Colors.Red).Contour(1);

        act.Should().Throw<InvalidOperationException>().WithMessage("*not positive definite*");
    }
}
