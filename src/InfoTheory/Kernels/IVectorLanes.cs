namespace InfoTheory.Kernels;

// <summary>
// A register of doubles processed in lock step: one lane (<see cref="ScalarLanes"/>), four
// (<see cref="Vector256Lanes"/>) or eight (<see cref="Vector512Lanes"/>).
// </summary>
// <remarks>
// Each kernel body is written once against this interface and instantiated per width; the JIT
// specialises a generic method for every struct type argument, so the abstraction costs nothing
// at run time. The scalar instantiation runs the very same arithmetic, which is why a SIMD result
// and its scalar tail agree to the last bit element by element. Comparisons return masks (all
// bits set where true) in the same type, as the hardware does.
// </remarks>
// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IVectorLanes<TSelf>
    where TSelf : struct, IVectorLanes<TSelf>
{
    // <summary>Gets the number of lanes.</summary>
    static abstract int Count { get; }

    // <summary>Gets a register with every lane 0.</summary>
    static abstract TSelf Zero { get; }

    // <summary>Broadcasts <paramref name="value"/> to every lane.</summary>
    static abstract TSelf Create(double value);

    // <summary>Loads <see cref="Count"/> doubles starting at <paramref name="source"/> + <paramref name="index"/>.</summary>
    static abstract TSelf Load(ref double source, int index);

    // <summary>Loads <see cref="Count"/> floats starting at <paramref name="source"/> + <paramref name="index"/>, each widened exactly to a double.</summary>
    static abstract TSelf LoadWidening(ref float source, int index);

    // <summary>Loads <see cref="Count"/> bytes starting at <paramref name="source"/> + <paramref name="index"/> as a mask: all bits set where a byte is nonzero.</summary>
    // <remarks>This reads a span of <see cref="bool"/> as its bytes; any nonzero byte counts as true, as the runtime treats it.</remarks>
    static abstract TSelf LoadMask(ref byte source, int index);

    // <summary>Stores every lane to <paramref name="destination"/> + <paramref name="index"/> onwards.</summary>
    static abstract void Store(TSelf value, ref double destination, int index);

    // <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    // <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    // <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    // <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    // <summary>Lane-wise bitwise and; used on masks.</summary>
    static abstract TSelf operator &(TSelf left, TSelf right);

    // <summary>Lane-wise bitwise or; used on masks.</summary>
    static abstract TSelf operator |(TSelf left, TSelf right);

    // <summary>Lane-wise <paramref name="a"/>·<paramref name="b"/> + <paramref name="c"/> with a single rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    // <summary>Lane-wise minimum with the hardware's NaN rule (callers catch NaN by other means).</summary>
    static abstract TSelf MinNative(TSelf left, TSelf right);

    // <summary>Lane-wise maximum with the hardware's NaN rule (callers catch NaN by other means).</summary>
    static abstract TSelf MaxNative(TSelf left, TSelf right);

    // <summary>Lane-wise absolute value.</summary>
    static abstract TSelf Abs(TSelf value);

    // <summary>Lane-wise square root, correctly rounded (IEEE 754): NaN for a negative lane, as the hardware gives it.</summary>
    static abstract TSelf Sqrt(TSelf value);

    // <summary>Mask of lanes where <paramref name="left"/> &gt; <paramref name="right"/>.</summary>
    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    // <summary>Mask of lanes where <paramref name="left"/> &lt; <paramref name="right"/>.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    // <summary>Mask of lanes where <paramref name="left"/> == <paramref name="right"/>.</summary>
    static abstract TSelf EqualTo(TSelf left, TSelf right);

    // <summary>Picks <paramref name="whenTrue"/> where <paramref name="mask"/> is set, <paramref name="whenFalse"/> elsewhere.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    // <summary>Whether any lane of <paramref name="mask"/> is set.</summary>
    static abstract bool AnyTrue(TSelf mask);

    // <summary>Whether <paramref name="left"/> &lt; <paramref name="right"/> in any lane.</summary>
    // <remarks>The same as <c>AnyTrue(LessThan(left, right))</c>, but the hardware tests its comparison flags directly instead of first widening them to a mask register.</remarks>
    static abstract bool AnyLessThan(TSelf left, TSelf right);

    // <summary>The sum of all lanes.</summary>
    static abstract double SumLanes(TSelf value);

    // <summary>The smallest lane.</summary>
    static abstract double MinLane(TSelf value);

    // <summary>
    // Splits a positive normal <paramref name="x"/> into x = 2^k·m with m in [√2/2, √2), returning
    // m and setting <paramref name="k"/> (an integer held as a double).
    // </summary>
    // <remarks>
    // Adding 0x3ff0000000000000 − 0x3fe6a09e00000000 to the bits carries into the exponent exactly
    // when the significand is at least √2, so one integer add, shift and mask do the whole split.
    // Zero maps to m = 1, k = −1023: finite, so a term 0·log 0 stays 0.
    // </remarks>
    static abstract TSelf SplitExponent(TSelf x, out TSelf k);

    // <summary>
    // Splits a positive normal <paramref name="x"/> into x = 2^k·m with m in [1, 2), returning m and
    // setting <paramref name="k"/> (an integer held as a double).
    // </summary>
    // <remarks>Zero gives m = 1 and k = −1023 or −∞ depending on the width; callers that may pass zero clamp k.</remarks>
    static abstract TSelf SplitUnit(TSelf x, out TSelf k);

    // <summary>2^k for lanes holding integers k in [−1022, 1023], built from the bits.</summary>
    // <remarks>Adding 2^52 + 1023 puts k + 1023 in the low significand bits; shifting them left by 52 makes them the exponent field.</remarks>
    static abstract TSelf PowerOfTwo(TSelf k);

    // <summary>
    // 2^(n/16) for the integers n (|n| &lt; 2^15, with n/16 in [−1022, 1024)) held in the low bits of <paramref name="rounded"/>'s
    // bit pattern, as <see cref="Exp.ReduceSixteenths{T}"/> leaves them: the double nearest 2^(j/16), j = n mod 16, times 2^⌊n/16⌋.
    // </summary>
    // <remarks>
    // Entry j of <see cref="ExponentSplit.SixteenthPowerBits"/>, picked by the low four bits, plus n·2^48 as integers (the
    // bits shifted left by 48: the magic number's own bits shift out). Every width looks up the same table, so the values
    // agree bit for bit; n/16 = 1024 gives NaN or +∞, which callers clamp or detect.
    // </remarks>
    static abstract TSelf PowerOfTwoSixteenths(TSelf rounded);
}
