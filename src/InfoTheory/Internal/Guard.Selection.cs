namespace InfoTheory.Internal;

// <content>Rules for feature tables given as one code array per feature.</content>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="features"/> holds at least one feature and every feature has one code per target row.</summary>
    // <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    // <exception cref="ArgumentException">No features, a feature array is null, or its length differs from <paramref name="rows"/>.</exception>
    public static void FeatureColumns(int[][] features, int rows, string paramName, string rowsName)
    {
        ArgumentNullException.ThrowIfNull(features, paramName);
        if (features.Length == 0)
        {
            throw new ArgumentException($"{paramName} holds no features; at least one is required.", paramName);
        }

        for (int j = 0; j < features.Length; j++)
        {
            if (features[j] is null)
            {
                throw new ArgumentException($"{paramName}[{j}] is null; every feature needs one code per row.", paramName);
            }

            if (features[j].Length != rows)
            {
                throw new ArgumentException(
                    $"{paramName}[{j}] has length {features[j].Length} but {rowsName} has length {rows}; every feature needs one code per row.",
                    paramName);
            }
        }
    }
}
