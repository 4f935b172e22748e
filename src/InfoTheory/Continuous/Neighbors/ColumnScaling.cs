using InfoTheory.Internal;

namespace InfoTheory.Continuous.Neighbors;

// <summary>
// Standardisation statistics of a point set: coordinate v of column j becomes
// (v · 2^Exponents[j] − Means[j]) / Scales[j], with the mean and the standard deviation kept in the
// column's power-of-two unit so that neither overflows.
// </summary>
// <param name="Means">The column means, in the column's unit.</param>
// <param name="Scales">The column standard deviations (1 for a column without spread), in the column's unit.</param>
// <param name="Exponents">The power of two that takes each column into its unit.</param>
internal sealed record ColumnScaling(double[] Means, double[] Scales, int[] Exponents)
{
    // <summary>Σⱼ ln σⱼ in the original units: the entropy of the standardised data plus this is that of the original data.</summary>
    public double LogScale
    {
        get
        {
            double sum = 0;
            for (int j = 0; j < Scales.Length; j++)
            {
                sum += Math.Log(Scales[j]) - (Exponents[j] * Numerics.Ln2);
            }

            return sum;
        }
    }
}
