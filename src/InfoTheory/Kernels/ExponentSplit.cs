namespace InfoTheory.Kernels;

// <summary>Bit patterns for splitting a double into 2^k·m with m in [√2/2, √2); see <see cref="IVectorLanes{TSelf}.SplitExponent"/>.</summary>
internal static class ExponentSplit
{
    // <summary>0x3ff0000000000000 − 0x3fe6a09e00000000: carries into the exponent when the significand is ≥ √2.</summary>
    public const ulong Offset = 0x0009_5f62_0000_0000;

    // <summary>The 52 significand bits.</summary>
    public const ulong SignificandMask = 0x000f_ffff_ffff_ffff;

    // <summary>The bits of the lower end of the reduced range, √2/2 truncated to 20 significand bits.</summary>
    public const ulong LowerBits = 0x3fe6_a09e_0000_0000;

    // <summary>The bits of 1.0: OR-ing 52 significand bits into them gives a value in [1, 2).</summary>
    public const ulong OneBits = 0x3ff0_0000_0000_0000;

    // <summary>The bits of 2^52: OR-ing an 11-bit integer into its significand gives 2^52 + that integer exactly.</summary>
    public const ulong TwoTo52Bits = 0x4330_0000_0000_0000;

    // <summary>2^52 + 1023: subtracting it from 2^52 + e leaves the unbiased exponent e − 1023.</summary>
    public const double TwoTo52PlusBias = 4503599627371519.0;

    // <summary>2^52 + 1023 as a double: adding it to an integer k in [−1022, 1023] leaves k + 1023 in the low significand bits.</summary>
    public const double PowerOfTwoMagic = TwoTo52PlusBias;

    // <summary>0x3f800000 − 0x3f3504f3 (the float √2/2): carries into the exponent when a float's significand is ≥ √2.</summary>
    public const uint SingleOffset = 0x004a_fb0d;

    // <summary>The 23 significand bits of a float.</summary>
    public const uint SingleSignificandMask = 0x007f_ffff;

    // <summary>The bits of the float √2/2, the lower end of the reduced range.</summary>
    public const uint SingleLowerBits = 0x3f35_04f3;

    // <summary>The bits of 1.0f.</summary>
    public const uint SingleOneBits = 0x3f80_0000;

    // <summary>The bits of 2^23f: OR-ing an 8-bit integer into its significand gives 2^23 + that integer exactly.</summary>
    public const uint SingleTwoTo23Bits = 0x4b00_0000;

    // <summary>2^23 + 127: subtracting it from 2^23 + e leaves the unbiased float exponent e − 127.</summary>
    public const float SingleTwoTo23PlusBias = 8388735.0f;

    // <summary>2^23 + 127 as a float: adding it to an integer k in [−126, 127] leaves k + 127 in the low significand bits.</summary>
    public const float SinglePowerOfTwoMagic = SingleTwoTo23PlusBias;

    // <summary>
    // The table behind <see cref="IVectorLanes{TSelf}.PowerOfTwoSixteenths"/>: entry j holds the bits of the double nearest
    // 2^(j/16) less j·2^48, so that adding n·2^48 for n = 16k + j leaves the bits of 2^k times that double (k lands in the
    // exponent field, j's bits cancel).
    // </summary>
    // <remarks>The values were rounded from 60-digit decimal expansions of 2^(j/16); the first is 1 exactly.</remarks>
    public static ReadOnlySpan<ulong> SixteenthPowerBits =>
    [
        0x3ff0000000000000, 0x3fefb5586cf9890f, 0x3fef72b83c7d517b, 0x3fef387a6e756238,
        0x3fef06fe0a31b715, 0x3feedea64c123422, 0x3feebfdad5362a27, 0x3feeab07dd485429,
        0x3feea09e667f3bcd, 0x3feea11473eb0187, 0x3feeace5422aa0db, 0x3feec49182a3f090,
        0x3feee89f995ad3ad, 0x3fef199bdd85529c, 0x3fef5818dcfba487, 0x3fefa4afa2a490da,
    ];
}
