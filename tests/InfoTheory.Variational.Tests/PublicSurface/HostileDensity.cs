using InfoTheory.Continuous;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>A user's density that breaks the <see cref="IDensity"/> contract in one chosen way.</summary>
internal sealed class HostileDensity(int dimension, string flaw) : IDensity
{
    public int Dimension => dimension;

    public double LogDensity(ReadOnlySpan<double> x) => flaw == "NaN density" ? double.NaN : -0.5 * x.Length;

    public void LogDensity(ReadOnlySpan<double> points, Span<double> destination) =>
        destination.Fill(flaw == "NaN density" ? double.NaN : -1);

    public void Sample(Random random, Span<double> destination)
    {
        if (flaw == "throws")
        {
            throw new FormatException("the user's sampler failed");
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = random.NextDouble();
        }
    }

    public override string ToString() => $"HostileDensity(dimension {dimension}, {flaw})";
}
