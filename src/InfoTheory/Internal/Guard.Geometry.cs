namespace InfoTheory.Internal;

// <summary>Input rules of the Fisher metric and the exponential families (<c>InfoTheory.Geometry</c>).</summary>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="p"/> is a probability vector of length ≥ 2 inside the simplex (every pᵢ &gt; 0).</summary>
    // <exception cref="ArgumentException">Not a probability vector, fewer than 2 entries, or an entry is 0.</exception>
    public static void InteriorProbabilities(ReadOnlySpan<double> p, string paramName)
    {
        Probabilities(p, paramName);
        if (p.Length < 2)
        {
            throw new ArgumentException(
                $"{paramName} has length {p.Length}; the categorical family needs at least 2 outcomes to have a coordinate.", paramName);
        }

        int zero = p.IndexOf(0.0);
        if (zero >= 0)
        {
            throw new ArgumentException(
                $"{paramName}[{zero}] is 0; the Fisher metric and the family's coordinates are defined only inside the simplex, where every p_i > 0.",
                paramName);
        }
    }

    // <summary>Throws unless a coordinate vector of an exponential family has its <paramref name="dimension"/> entries, all finite.</summary>
    // <exception cref="ArgumentException">The length is not <paramref name="dimension"/>, or an entry is NaN or infinite.</exception>
    public static void FamilyCoordinates(ReadOnlySpan<double> values, int dimension, string paramName)
    {
        if (values.Length != dimension)
        {
            throw new ArgumentException(
                $"{paramName} has length {values.Length}; a point or gradient of this family has {dimension} coordinates.", paramName);
        }

        AllFinite(values, paramName);
    }

    // <summary>Throws unless η = (p₁, …, p_{n−1}) lies inside the simplex: every pᵢ &gt; 0 and Σ pᵢ &lt; 1, so that p_n &gt; 0; returns p_n.</summary>
    // <exception cref="ArgumentException">An entry is ≤ 0, or the entries sum to 1 or more.</exception>
    public static double SimplexInterior(ReadOnlySpan<double> eta, string paramName)
    {
        double sum = 0;
        for (int i = 0; i < eta.Length; i++)
        {
            if (!(eta[i] > 0))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] is {Format(eta[i])}; the expectation coordinates of the categorical family are the probabilities p_1…p_(n−1), each > 0.",
                    paramName);
            }

            sum += eta[i];
        }

        double last = 1 - sum;
        if (!(last > 0))
        {
            throw new ArgumentException(
                $"{paramName} sums to {Format(sum)}; the first n − 1 probabilities must sum to less than 1, so that p_n = 1 − Σ p_i > 0.", paramName);
        }

        return last;
    }
}
