namespace InfoTheory.Tests;

/// <summary>
/// Standard normal draws by Box–Muller, the cosine branch only (two uniforms per draw), so a seed gives the same data in
/// every test that draws from it.
/// </summary>
internal static class NormalSamples
{
    /// <summary>One standard normal draw; 1 − u keeps the logarithm's argument in (0, 1].</summary>
    public static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary><paramref name="n"/> standard normal draws in order.</summary>
    public static double[] Normal(Random rng, int n) => [.. Enumerable.Range(0, n).Select(_ => Normal(rng))];
}
