namespace InfoTheory.Internal;

// <content>Rules for the settings of tests and intervals.</content>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="value"/> lies strictly between 0 and 1, as a coverage or a significance level must.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is 0, 1, outside (0, 1) or NaN.</exception>
    public static void OpenUnitInterval(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must lie strictly between 0 and 1.");
        }
    }

    // <summary>Throws unless there are from two to <see cref="Inference.Bootstrap.MaxObservations"/> observations to resample: one cannot vary, and its jackknife leaves nothing.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2 or above the maximum.</exception>
    public static void Resamplable(int count, string paramName)
    {
        if (count < 2 || count > Inference.Bootstrap.MaxObservations)
        {
            throw new ArgumentOutOfRangeException(
                paramName, count, $"{paramName} holds {count} observation(s); the bootstrap resamples from 2 to {Inference.Bootstrap.MaxObservations}.");
        }
    }

    // <summary>Throws unless a caller's statistic returned a finite value; <paramref name="where"/> says on which data.</summary>
    // <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static void StatisticValue(double value, string where, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"{paramName} returned {Format(value)} {where}; a bootstrap interval needs a finite value on every sample.", paramName);
        }
    }

    // <summary>Throws unless a smoothing adds a positive pseudo-count, as a permutation test of KL needs to keep every permuted value finite.</summary>
    // <exception cref="ArgumentException"><paramref name="pseudoCount"/> is 0.</exception>
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
