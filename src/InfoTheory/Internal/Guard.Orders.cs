namespace InfoTheory.Internal;

// <content>Rules for the order of a generalized entropy or divergence (Rényi's α, Tsallis's q).</content>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="value"/> is an order ≥ 0: finite, or also +∞ where <paramref name="infinityAllowed"/>.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, negative, or +∞ where that is not allowed.</exception>
    public static void Order(double value, bool infinityAllowed, string paramName)
    {
        if (!(value >= 0) || (!infinityAllowed && double.IsPositiveInfinity(value)))
        {
            string allowed = infinityAllowed ? "a number >= 0 or +∞" : "a finite number >= 0";
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; the order must be {allowed}.");
        }
    }
}
