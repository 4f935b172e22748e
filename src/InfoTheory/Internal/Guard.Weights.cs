namespace InfoTheory.Internal;

// <content>Rules for unnormalised weights and for the rows of a list of distributions.</content>
internal static partial class Guard
{
    // <summary>Returns the sum of non-negative finite weights, throwing unless at least one is positive.</summary>
    // <returns>Σ wᵢ; +∞ only when finite weights overflow in the sum.</returns>
    // <exception cref="ArgumentException">Empty, an entry negative/NaN/infinite, or every entry 0.</exception>
    public static double Weights(ReadOnlySpan<double> weights, string paramName)
    {
        NotEmpty(weights.Length, paramName);
        double sum = SumOfEntries(weights, paramName, paramName, columns: 0, "weights");
        if (sum == 0)
        {
            throw new ArgumentException($"{paramName} sums to 0; at least one weight must be > 0.", paramName);
        }

        return sum;
    }

    // <summary>
    // Throws unless row <paramref name="row"/> of the list <paramref name="paramName"/> is a non-null
    // probability vector of <paramref name="length"/> entries; messages name <c>paramName[row][i]</c>.
    // </summary>
    // <exception cref="ArgumentException">The row is null, of another length, or not a probability vector.</exception>
    public static void ProbabilityRow(double[]? values, int row, int length, string paramName)
    {
        if (values is null)
        {
            throw new ArgumentException($"{paramName}[{row}] is null; every distribution must be a probability vector.", paramName);
        }

        if (values.Length != length)
        {
            throw new ArgumentException(
                $"{paramName}[{row}] has length {values.Length} but {paramName}[0] has length {length}; they must have the same length.",
                paramName);
        }

        Probabilities(values, paramName, $"{paramName}[{row}]");
    }
}
