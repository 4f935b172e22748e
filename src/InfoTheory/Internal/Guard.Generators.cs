namespace InfoTheory.Internal;

// <content>Rules for the generators of f- and Bregman divergences and for the vectors a Bregman divergence takes.</content>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="value"/> is finite or +∞, as a limit of a convex function may be.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or −∞.</exception>
    public static void FiniteOrPositiveInfinity(double value, string paramName)
    {
        if (double.IsNaN(value) || double.IsNegativeInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be finite or +∞.");
        }
    }

    // <summary>Throws unless every value is finite and &gt;= 0; the message names the first bad index.</summary>
    // <exception cref="ArgumentException">An entry is negative, NaN or infinite.</exception>
    public static void AllNonNegativeFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0) || double.IsPositiveInfinity(values[i]))
            {
                throw new ArgumentException($"{paramName}[{i}] is {Format(values[i])}; values must be finite and >= 0.", paramName);
            }
        }
    }

    // <summary>Throws unless a value a caller's generator returned at an argument of <paramref name="paramName"/> is finite.</summary>
    // <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static void GeneratorValue(double value, string what, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"the generator's {what} is {Format(value)}; {paramName} must lie where the potential is finite and differentiable.", paramName);
        }
    }

    // <summary>Throws unless an f-divergence generator's value f(t) at a ratio t = pᵢ/qᵢ is a number a convex f can take.</summary>
    // <exception cref="ArgumentException"><paramref name="value"/> is NaN or −∞.</exception>
    public static void GeneratorAt(double value, double t, string paramName)
    {
        if (double.IsNaN(value) || double.IsNegativeInfinity(value))
        {
            throw new ArgumentException(
                $"{paramName} is {Format(value)} at t = {Format(t)}; a convex generator is defined on (0, ∞), finite or +∞, never NaN or -∞.", paramName);
        }
    }
}
