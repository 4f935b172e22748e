using System.Numerics;

namespace InfoTheory.Continuous;

// <summary>
// A re-seedable xoshiro256** generator behind the <see cref="Random"/> API, so a parallel worker
// can walk through per-block seeded streams without allocating a generator per block.
// </summary>
// <remarks>
// Blackman &amp; Vigna (2021), "Scrambled linear pseudorandom number generators", ACM TOMS 47(4).
// The state is expanded from a 64-bit seed with SplitMix64 (Steele, Lea &amp; Flood 2014), as the
// authors recommend. Every virtual member of <see cref="Random"/> is overridden, so the base
// class's own generator is never consulted.
// </remarks>
internal sealed class StreamRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public StreamRandom(ulong seed) => Reseed(seed);

    // <summary>Restarts the stream from <paramref name="seed"/>; equal seeds give equal streams.</summary>
    public void Reseed(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    // <summary>The seed of block <paramref name="block"/> in the family rooted at <paramref name="root"/>.</summary>
    public static ulong BlockSeed(ulong root, long block)
    {
        ulong x = root ^ (0xD1B54A32D192ED03UL * (ulong)(block + 1));
        return SplitMix64(ref x);
    }

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(((NextUInt64() >> 32) * (ulong)maxValue) >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return (int)(minValue + (long)(((NextUInt64() >> 32) * range) >> 32));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Math.BigMul(NextUInt64(), (ulong)maxValue, out _);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)(maxValue - minValue);
        return minValue + (long)Math.BigMul(NextUInt64(), range, out _);
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    protected override double Sample() => NextDouble();

    private ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
