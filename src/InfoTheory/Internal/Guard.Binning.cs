namespace InfoTheory.Internal;

// <content>Rules for histogram bins and the values they sort.</content>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="edges"/> can bound histogram bins: 2 to <paramref name="maxBins"/> + 1 finite values, each above the one before.</summary>
    // <exception cref="ArgumentException">Too few or too many edges, an edge not finite, or an edge not above its predecessor.</exception>
    public static void BinEdges(ReadOnlySpan<double> edges, int maxBins, string paramName)
    {
        if (edges.Length < 2 || edges.Length - 1 > maxBins)
        {
            throw new ArgumentException(
                $"{paramName} has {edges.Length} edges; bins need between 2 and {maxBins + 1} edges (n + 1 edges bound n bins).", paramName);
        }

        AllFinite(edges, paramName);
        for (int i = 1; i < edges.Length; i++)
        {
            if (!(edges[i] > edges[i - 1]))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] is {Format(edges[i])}, not above {paramName}[{i - 1}] = {Format(edges[i - 1])}; edges must be strictly ascending.", paramName);
            }
        }
    }

    // <summary>Throws for value <paramref name="index"/> of <paramref name="paramName"/>, which is NaN: NaN falls in no bin.</summary>
    // <exception cref="ArgumentException">Always.</exception>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void ThrowNaNValue(int index, string paramName)
        => throw new ArgumentException($"{paramName}[{index}] is NaN; a value must be a number to fall in a bin.", paramName);

    // <summary>The exception for value <paramref name="index"/> of <paramref name="paramName"/>, which lies outside [<paramref name="first"/>, <paramref name="last"/>] under a rejecting policy.</summary>
    public static ArgumentException OutsideBins(double value, int index, double first, double last, string paramName)
        => new(
            $"{paramName}[{index}] is {Format(value)}, outside the bins' range [{Format(first)}, {Format(last)}]; "
            + "fit the histogram with OutOfRangePolicy.Clamp or OutOfRangePolicy.SeparateBins to count such values.",
            paramName);
}
