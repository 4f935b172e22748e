namespace InfoTheory.Kernels;

// <summary>
// A register of floats processed in lock step: eight (<see cref="Vector256FloatLanes"/>) or sixteen
// (<see cref="Vector512FloatLanes"/>), for kernels whose per-element work is cheaper in float than in double.
// </summary>
// <remarks>
// The float counterpart of <see cref="IVectorLanes{TSelf}"/>, with twice the lanes per register. There is no scalar
// instantiation: a float kernel runs whole registers and leaves its tail, and any register it cannot finish in float,
// to the double kernel of the same pass. <typeparamref name="TWide"/> is the double register of the same width, which
// <see cref="Widen"/> fills, so sums can be kept in double.
// </remarks>
// <typeparam name="TSelf">The implementing struct.</typeparam>
// <typeparam name="TWide">The double lanes of the same register width.</typeparam>
internal interface IFloatLanes<TSelf, TWide>
    where TSelf : struct, IFloatLanes<TSelf, TWide>
    where TWide : struct, IVectorLanes<TWide>
{
    // <summary>Gets the number of lanes.</summary>
    static abstract int Count { get; }

    // <summary>Gets a register with every lane 0.</summary>
    static abstract TSelf Zero { get; }

    // <summary>Broadcasts <paramref name="value"/> to every lane.</summary>
    static abstract TSelf Create(float value);

    // <summary>Loads <see cref="Count"/> floats starting at <paramref name="source"/> + <paramref name="index"/>.</summary>
    static abstract TSelf Load(ref float source, int index);

    // <summary>Loads <see cref="Count"/> bytes starting at <paramref name="source"/> + <paramref name="index"/> as a mask: all bits set where a byte is nonzero.</summary>
    static abstract TSelf LoadMask(ref byte source, int index);

    // <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    // <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    // <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    // <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    // <summary>Lane-wise bitwise or; used on masks.</summary>
    static abstract TSelf operator |(TSelf left, TSelf right);

    // <summary>Mask of lanes where <paramref name="left"/> &lt; <paramref name="right"/>.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    // <summary>Mask of lanes where <paramref name="left"/> &gt; <paramref name="right"/>.</summary>
    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    // <summary>Picks <paramref name="whenTrue"/> where <paramref name="mask"/> is set, <paramref name="whenFalse"/> elsewhere.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    // <summary>Whether any lane of <paramref name="mask"/> is set.</summary>
    static abstract bool AnyTrue(TSelf mask);

    // <summary>Whether <paramref name="left"/> &lt; <paramref name="right"/> in any lane, testing the comparison flags directly.</summary>
    static abstract bool AnyLessThan(TSelf left, TSelf right);

    // <summary>Splits a positive normal <paramref name="x"/> into 2^k·m with m in [√2/2, √2), as <see cref="IVectorLanes{TSelf}.SplitExponent"/> does for doubles (k an integer held as a float).</summary>
    // <remarks>Adding 0x3f800000 − 0x3f3504f3 to the bits carries into the exponent exactly when the significand is at least √2. Zero gives a finite m and k.</remarks>
    static abstract TSelf SplitExponent(TSelf x, out TSelf k);

    // <summary>Splits a positive normal <paramref name="x"/> into 2^k·m with m in [1, 2) (k an integer held as a float); zero gives m = 1, k = −127.</summary>
    static abstract TSelf SplitUnit(TSelf x, out TSelf k);

    // <summary>Lane-wise bitwise and; used on masks.</summary>
    static abstract TSelf operator &(TSelf left, TSelf right);

    // <summary>Lane-wise <paramref name="a"/>·<paramref name="b"/> + <paramref name="c"/> with a single rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    // <summary>Lane-wise minimum with the hardware's NaN rule (callers catch NaN by other means).</summary>
    static abstract TSelf MinNative(TSelf left, TSelf right);

    // <summary>Lane-wise maximum with the hardware's NaN rule (callers catch NaN by other means).</summary>
    static abstract TSelf MaxNative(TSelf left, TSelf right);

    // <summary>Lane-wise absolute value.</summary>
    static abstract TSelf Abs(TSelf value);

    // <summary>Mask of lanes where <paramref name="left"/> == <paramref name="right"/>.</summary>
    static abstract TSelf EqualTo(TSelf left, TSelf right);

    // <summary>Whether some lane is NaN (a NaN is the only value that differs from itself).</summary>
    static abstract bool AnyNaN(TSelf value);

    // <summary>2^k for lanes holding integers k in [−126, 127], built from the bits.</summary>
    // <remarks>Adding 2^23 + 127 puts k + 127 in the low significand bits; shifting them left by 23 makes them the exponent field.</remarks>
    static abstract TSelf PowerOfTwo(TSelf k);

    // <summary>Widens every lane exactly to double: the lower half of the lanes into <paramref name="lower"/>, the upper half into <paramref name="upper"/>.</summary>
    static abstract void Widen(TSelf value, out TWide lower, out TWide upper);
}
