namespace InfoTheory.Binning;

/// <summary>What a <see cref="Histogram"/> does with a value below its first edge or above its last one.</summary>
/// <remarks>NaN has no bin under any policy: it is rejected with its index. ±∞ are values like any other, below or above every edge.</remarks>
public enum OutOfRangePolicy
{
    /// <summary>Throw an <see cref="ArgumentException"/> naming the first such value and its index.</summary>
    Reject,

    /// <summary>Count a value below the range in the first bin and one above it in the last, as if the end bins reached to ∓∞.</summary>
    Clamp,

    /// <summary>Add an underflow bin before the first bin and an overflow bin after the last: bin 0 is (−∞, e₀), bins 1 … n are the fitted bins, bin n + 1 is (eₙ, +∞).</summary>
    SeparateBins,
}
