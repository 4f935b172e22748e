using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Models;

public class CorruptionTests
{
    private static readonly float[] Clean = [.. Enumerable.Range(0, 20_000).Select(i => 0.25f + (0.5f * (i % 7) / 7f))];

    private static float[] Apply(Corruption corruption, int seed = 1)
    {
        var destination = new float[Clean.Length];
        corruption.Apply(Clean, new Random(seed), destination);
        return destination;
    }

    [Fact]
    public void Masking_ZeroesAboutTheRequestedFraction_AndKeepsTheRest()
    {
        float[] noisy = Apply(Corruption.Masking(0.3));
        int zeroed = noisy.Count(v => v == 0f);

        // Binomial(20000, 0.3): standard deviation 64.8; allow five of them.
        zeroed.Should().BeInRange(6000 - 324, 6000 + 324);
        noisy.Where((v, i) => v != 0f).Should().OnlyContain(v => Clean.Contains(v));
        Enumerable.Range(0, Clean.Length).Should().OnlyContain(i => noisy[i] == 0f || noisy[i] == Clean[i]);
    }

    [Fact]
    public void Masking_EdgeLevels_KeepEverythingOrNothing()
    {
        Apply(Corruption.Masking(0)).Should().Equal(Clean);
        Apply(Corruption.Masking(1)).Should().OnlyContain(v => v == 0f);
    }

    [Fact]
    public void AdditiveGaussian_AddsNoiseWithTheRequestedStandardDeviation()
    {
        float[] noisy = Apply(Corruption.AdditiveGaussian(0.2));
        double[] noise = [.. noisy.Select((v, i) => (double)v - Clean[i])];
        double mean = noise.Average();
        double sd = Math.Sqrt(noise.Select(e => (e - mean) * (e - mean)).Sum() / (noise.Length - 1));

        // Standard errors for n = 20000: mean 0.2/√n = 0.0014, sd 0.2/√(2n) = 0.001.
        mean.Should().BeApproximately(0, 0.007);
        sd.Should().BeApproximately(0.2, 0.005);
    }

    [Fact]
    public void SaltAndPepper_ReplacesAboutTheRequestedFraction_HalfWithEachValue()
    {
        float[] noisy = Apply(Corruption.SaltAndPepper(0.2, low: -1f, high: 2f));
        int pepper = noisy.Count(v => v == -1f);
        int salt = noisy.Count(v => v == 2f);

        // Binomial(20000, 0.1) each: standard deviation 42.4; allow five of them.
        pepper.Should().BeInRange(2000 - 212, 2000 + 212);
        salt.Should().BeInRange(2000 - 212, 2000 + 212);
        Enumerable.Range(0, Clean.Length).Should().OnlyContain(i => noisy[i] == -1f || noisy[i] == 2f || noisy[i] == Clean[i]);
    }

    [Fact]
    public void Apply_SameSeed_SameBits_OtherSeed_OtherNoise()
    {
        foreach (var corruption in new[] { Corruption.Masking(0.5), Corruption.AdditiveGaussian(1), Corruption.SaltAndPepper(0.5) })
        {
            Apply(corruption, seed: 7).Should().Equal(Apply(corruption, seed: 7));
            Apply(corruption, seed: 7).Should().NotEqual(Apply(corruption, seed: 8));
        }
    }

    [Fact]
    public void BadLevels_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => Corruption.Masking(1.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => Corruption.Masking(double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => Corruption.AdditiveGaussian(-0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => Corruption.AdditiveGaussian(double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => Corruption.SaltAndPepper(-0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("fraction");
        FluentActions.Invoking(() => Corruption.SaltAndPepper(0.1, low: 1f, high: 0f)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("high");
        FluentActions.Invoking(() => Corruption.SaltAndPepper(0.1, low: float.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("low");
    }

    [Fact]
    public void Apply_ShortDestination_Throws()
    {
        Corruption.Masking(0.1).Invoking(c => c.Apply(new float[4], new Random(1), new float[3]))
            .Should().Throw<ArgumentException>().WithParameterName("destination");
        Corruption.Masking(0.1).Invoking(c => c.Apply(new float[4], null!, new float[4]))
            .Should().Throw<ArgumentNullException>().WithParameterName("random");
    }

    [Fact]
    public void Apply_InPlace_GivesTheOutOfPlaceResult_ForEveryKind()
    {
        foreach (var corruption in new[] { Corruption.Masking(0.5), Corruption.AdditiveGaussian(1), Corruption.SaltAndPepper(0.5, low: -1f, high: 2f) })
        {
            float[] inPlace = [.. Clean];
            corruption.Apply(inPlace, new Random(7), inPlace);

            inPlace.Should().Equal(Apply(corruption, seed: 7), $"{corruption.Kind} in place must match separate memory");
        }

        Enum.GetValues<CorruptionKind>().Should().HaveCount(3, "every kind is covered above");
    }

    [Fact]
    public void Apply_DestinationShiftedOverClean_ThrowsNamingDestination()
    {
        float[] buffer = new float[10];

        Corruption.AdditiveGaussian(1).Invoking(c => c.Apply(buffer.AsSpan(0, 8), new Random(1), buffer.AsSpan(1, 8)))
            .Should().Throw<ArgumentException>().WithParameterName("destination").WithMessage("*shifted by*");
    }

    [Fact]
    public void AdditiveGaussian_NoiseBeyondTheFloatRange_ThrowsNamingStandardDeviation()
    {
        FluentActions.Invoking(() => Corruption.AdditiveGaussian(1e300)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => Corruption.AdditiveGaussian(float.MaxValue)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
    }

    [Fact]
    public void AdditiveGaussian_LargestAcceptedLevel_GivesFiniteFloats()
    {
        float[] noisy = Apply(Corruption.AdditiveGaussian(float.MaxValue / 16.0));

        noisy.Should().OnlyContain(v => float.IsFinite(v));
    }
}
