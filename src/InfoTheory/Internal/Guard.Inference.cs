namespace InfoTheory.Internal;

/// <content>Rules for the settings of tests and intervals.</content>
internal static partial class Guard
{
    /// <summary>Throws unless <paramref name="value"/> lies strictly between 0 and 1, as a coverage or a significance level must.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is 0, 1, outside (0, 1) or NaN.</exception>
    public static void OpenUnitInterval(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must lie strictly between 0 and 1.");
        }
    }

    /// <summary>Throws unless a smoothing adds a positive pseudo-count, as a permutation test of KL needs to keep every permuted value finite.</summary>
    /// <exception cref="ArgumentException"><paramref name="pseudoCount"/> is 0.</exception>
    public static void PositivePseudoCount(double pseudoCount, string paramName)
    {
        if (!(pseudoCount > 0))
        {
            throw new ArgumentException(
                $"{paramName} adds a pseudo-count of {Format(pseudoCount)}; a permutation test of KL needs one above 0 (Smoothing.Laplace, Smoothing.Jeffreys), "
                + "since a label drawn into the first sample only makes KL infinite. Jensen–Shannon needs none.",
                paramName);
        }
    }
}
