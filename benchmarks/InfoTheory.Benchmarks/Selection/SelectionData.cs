namespace InfoTheory.Benchmarks.Selection;

/// <summary>Seeded discrete feature tables shared by the selection benchmarks and benchmarks/peers/peer_feature_selection.py.</summary>
internal static class SelectionData
{
    /// <summary>
    /// <paramref name="features"/> uniform features, feature j with 4 + (j mod 5) levels (4 to 8), over <paramref name="rows"/>
    /// rows; a target of 4 classes that is (x₃ + x₅₀₀ mod F) mod 4 in half the rows and uniform noise in the rest.
    /// </summary>
    public static (int[][] Features, int[] Target) Discrete(int features, int rows, int seed)
    {
        var random = new Random(seed);
        var table = new int[features][];
        for (int j = 0; j < features; j++)
        {
            int levels = 4 + (j % 5);
            table[j] = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                table[j][i] = random.Next(levels);
            }
        }

        int[] a = table[3], b = table[500 % features];
        var target = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            target[i] = random.NextDouble() < 0.5 ? (a[i] + b[i]) % 4 : random.Next(4);
        }

        return (table, target);
    }
}
