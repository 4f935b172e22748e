namespace InfoTheory.Internal;

// <summary>
// The exact sum of any number of doubles and of products of two doubles, held as a fixed-point integer wide enough for
// the whole double range, so that adding and merging in any order gives the same state bit for bit.
// </summary>
// <remarks>
// <para>
// A double is m·2ᵉ with an integer m &lt; 2⁵³ and e ≥ −1074; a product of two is m₁m₂·2^(e₁+e₂), an integer below 2¹⁰⁶
// times 2^(≥ −2148), below 2²⁰⁴⁸ in magnitude. So every term is an integer multiple of 2⁻²¹⁷⁶ (a multiple of 32 below
// −2148), and 2⁶³ terms sum below 2²¹¹¹: <see cref="LimbCount"/> limbs of 32 bits, limb k weighing 2^(32k − 2176),
// hold every such sum exactly, the top limb signed.
// </para>
// <para>
// Limbs are kept in longs so that carries can wait: a term adds less than 2³³ to any limb, so 2²⁸ terms fit before
// <see cref="Normalize()"/> must bring each lower limb back into [0, 2³²). Normalised limbs are a unique representation of
// the value, which <see cref="Write"/> stores and <see cref="ToDoubleDouble"/> rounds from, so both are functions of the
// exact sum alone, whatever the order it was built in.
// </para>
// </remarks>
internal sealed class ExactSum
{
    // <summary>The number of 32-bit limbs: bits −2176 up to 2143, room for 2⁶³ terms of magnitude below 2²⁰⁴⁸ and a sign.</summary>
    public const int LimbCount = 135;

    // <summary>The weight exponent of limb 0: limb k weighs 2^(32k + <see cref="LowestBit"/>).</summary>
    public const int LowestBit = -2176;

    private const int NormalizeEvery = 1 << 28;
    private const long LimbMask = 0xFFFF_FFFFL;

    private readonly long[] _limbs = new long[LimbCount];
    private int _pending;

    // <summary>Adds one finite double exactly.</summary>
    public void Add(double value)
    {
        Decompose(value, out ulong m, out int e, out bool negative);
        AddScaled(m, 0, e, negative);
    }

    // <summary>Adds the exact product <paramref name="a"/> · <paramref name="b"/> of two finite doubles.</summary>
    public void AddProduct(double a, double b)
    {
        Decompose(a, out ulong ma, out int ea, out bool na);
        Decompose(b, out ulong mb, out int eb, out bool nb);
        ulong high = Math.BigMul(ma, mb, out ulong low);
        AddScaled(low, high, ea + eb, na != nb);
    }

    // <summary>Adds the exact value of <paramref name="other"/> (which may be this sum).</summary>
    public void Merge(ExactSum other)
    {
        other.Normalize();
        Normalize();
        long[] source = other._limbs;
        for (int k = 0; k < LimbCount; k++)
        {
            _limbs[k] += source[k];
        }

        _pending = 2;
    }

    // <summary>Brings every limb below the top one into [0, 2³²), carrying the rest upwards; the value does not change.</summary>
    public void Normalize()
    {
        Normalize(_limbs);
        _pending = 0;
    }

    // <summary>The value times 2^<paramref name="shift"/>, rounded to about 106 bits; ±∞ beyond the double range, and subnormal parts rounded as doubles round.</summary>
    public DoubleDouble ToDoubleDouble(int shift = 0)
    {
        long[] limbs = (long[])_limbs.Clone();
        Normalize(limbs);
        bool negative = limbs[LimbCount - 1] < 0;
        if (negative)
        {
            for (int k = 0; k < LimbCount; k++)
            {
                limbs[k] = -limbs[k];
            }

            Normalize(limbs);
        }

        int top = LimbCount - 1;
        while (top >= 0 && limbs[top] == 0)
        {
            top--;
        }

        if (top < 0)
        {
            return default;
        }

        // Five limbs carry at least 128 significant bits, more than a double-double keeps; smallest first so each
        // addition is exact until the result is rounded.
        var sum = default(DoubleDouble);
        for (int k = Math.Max(0, top - 4); k <= top; k++)
        {
            sum += new DoubleDouble(Math.ScaleB((double)limbs[k], (32 * k) + LowestBit + shift), 0);
        }

        return negative ? -sum : sum;
    }

    // <summary>True when the sum is exactly 0.</summary>
    public bool IsZero
    {
        get
        {
            Normalize();
            return Array.TrueForAll(_limbs, static limb => limb == 0);
        }
    }

    // <summary>True when the sum is exactly negative.</summary>
    public bool IsNegative
    {
        get
        {
            Normalize();
            return _limbs[LimbCount - 1] < 0;
        }
    }

    // <summary>Appends the normalised limbs, <see cref="LimbCount"/> little-endian u32 (the top one as i32).</summary>
    public void Write(System.Buffers.ArrayBufferWriter<byte> destination)
    {
        Normalize();
        for (int k = 0; k < LimbCount; k++)
        {
            PayloadWriter.UInt32(destination, (uint)_limbs[k]);
        }
    }

    // <summary>Reads limbs written by <see cref="Write"/>.</summary>
    public static ExactSum Read(ref PayloadReader reader)
    {
        var sum = new ExactSum();
        for (int k = 0; k < LimbCount - 1; k++)
        {
            sum._limbs[k] = reader.UInt32();
        }

        sum._limbs[LimbCount - 1] = reader.Int32();
        return sum;
    }

    private static void Decompose(double value, out ulong mantissa, out int exponent, out bool negative)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = (ulong)bits & ((1UL << 52) - 1);
        if (biased == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1UL << 52);
            exponent = biased - 1075;
        }
    }

    private void AddScaled(ulong low, ulong high, int exponent, bool negative)
    {
        if (low == 0 && high == 0)
        {
            return;
        }

        int position = exponent - LowestBit;
        int k = position >> 5, s = position & 31;
        ReadOnlySpan<ulong> chunks = [low & (ulong)LimbMask, low >> 32, high & (ulong)LimbMask, high >> 32];
        long[] limbs = _limbs;
        for (int i = 0; i < chunks.Length; i++)
        {
            // A chunk below 2³² shifted by at most 31 bits stays below 2⁶³: its low word lands on limb k+i, the rest on k+i+1.
            ulong shifted = chunks[i] << s;
            long lowWord = (long)(shifted & LimbMask), highWord = (long)(shifted >> 32);
            if (negative)
            {
                limbs[k + i] -= lowWord;
                limbs[k + i + 1] -= highWord;
            }
            else
            {
                limbs[k + i] += lowWord;
                limbs[k + i + 1] += highWord;
            }
        }

        if (++_pending >= NormalizeEvery)
        {
            Normalize();
        }
    }

    private static void Normalize(long[] limbs)
    {
        for (int k = 0; k < LimbCount - 1; k++)
        {
            long v = limbs[k];
            limbs[k] = v & LimbMask;
            limbs[k + 1] += v >> 32;
        }
    }
}
