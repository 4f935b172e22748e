namespace InfoTheory.Tests;

/// <summary>dit's example distributions, written as dit writes them, and random tables for the identity tests.</summary>
internal static class MultivariateSamples
{
    /// <summary>The uniform distribution over outcomes written as digit strings, as dit's <c>uniform(['000', '011', …])</c>; variable i takes max digit + 1 values.</summary>
    public static MultivariateDistribution Uniform(params string[] outcomes)
    {
        int n = outcomes[0].Length;
        int[][] columns = new int[n][];
        for (int i = 0; i < n; i++)
        {
            columns[i] = outcomes.Select(o => o[i] - '0').ToArray();
        }

        return MultivariateDistribution.FromSamples(columns);
    }

    /// <summary>dit's giant bit of n variables: all 0 or all 1, each with probability ½.</summary>
    public static MultivariateDistribution GiantBit(int n) => Uniform(new string('0', n), new string('1', n));

    /// <summary>dit's <c>n_mod_m(n, m)</c>: uniform over the n-tuples of values in [0, m) whose sum is 0 mod m.</summary>
    public static MultivariateDistribution Parity(int n, int m)
    {
        int cells = (int)Math.Pow(m, n);
        var counts = new long[cells];
        for (int cell = 0; cell < cells; cell++)
        {
            int sum = 0;
            for (int rest = cell; rest > 0; rest /= m)
            {
                sum += rest % m;
            }

            counts[cell] = sum % m == 0 ? 1 : 0;
        }

        return MultivariateDistribution.FromCounts(counts, Enumerable.Repeat(m, n).ToArray());
    }

    /// <summary>A random table of the given shape; about a quarter of the cells are exactly 0.</summary>
    public static MultivariateDistribution Random(Random rng, params int[] shape)
    {
        int cells = shape.Aggregate(1, (a, b) => a * b);
        var weights = new double[cells];
        for (int k = 0; k < cells; k++)
        {
            weights[k] = rng.NextDouble() < 0.25 ? 0 : rng.NextDouble();
        }

        weights[0] += 1e-3;
        return MultivariateDistribution.FromProbabilities(Distribution.Normalize(weights), shape);
    }

    /// <summary>The outcome (x₀, …, xₙ₋₁) of a row-major cell index, written plainly with divisions (the library walks an odometer instead).</summary>
    public static int[] Outcome(int cell, ReadOnlySpan<int> shape)
    {
        var outcome = new int[shape.Length];
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            outcome[i] = cell % shape[i];
            cell /= shape[i];
        }

        return outcome;
    }

    /// <summary>The marginal over <paramref name="variables"/> as a dictionary from outcome text to probability, by brute force.</summary>
    public static Dictionary<string, double> BruteMarginal(MultivariateDistribution d, params int[] variables)
    {
        var result = new Dictionary<string, double>();
        for (int cell = 0; cell < d.Probabilities.Length; cell++)
        {
            int[] x = Outcome(cell, d.Shape);
            string key = string.Join(",", variables.Select(v => x[v]));
            result[key] = result.GetValueOrDefault(key) + d.Probabilities[cell];
        }

        return result;
    }

    /// <summary>H of the brute-force marginal over <paramref name="variables"/>, in nats.</summary>
    public static double BruteEntropy(MultivariateDistribution d, params int[] variables)
        => -BruteMarginal(d, variables).Values.Where(p => p > 0).Sum(p => p * Math.Log(p));
}
