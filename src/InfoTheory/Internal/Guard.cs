using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// The one place input rules live. Messages say what came and what was expected, and name the
// parameter, e.g. <c>"p[3] is -0.2; probabilities must be >= 0"</c>.
// </summary>
// <remarks>
// Hot kernels check cheaply inside their own pass (a running sum and a finite/non-negative flag)
// and call a <c>Throw…</c> method only on failure; that method re-scans to find the culprit, so
// the fast path never pays for a good message.
// </remarks>
internal static partial class Guard
{
    // <summary>
    // How far the sum of <paramref name="length"/> double probabilities may drift from 1: 1e-9, growing
    // with √n as rounding error in a long sum does.
    // </summary>
    public static double SumTolerance(int length) => 1e-9 * Math.Max(1.0, Math.Sqrt(length));

    // <summary>
    // How far the sum of <paramref name="length"/> float probabilities may drift from 1: 4·ε·max(1, √n) with
    // ε = 2⁻²³ the float epsilon, about 4.8e-7 for short vectors.
    // </summary>
    // <remarks>
    // A float softmax is off 1 by its rounding (each entry within a few ulps, the normaliser within about ε√n), which
    // the double rule's 1e-9 rejects: torch.softmax and numpy's float32 softmax of Gaussian logits, summed in double, were
    // off by at most 0.6·ε for n ≤ 100 and 1.3·ε√n at n = 10⁷; four times that bound leaves room for other float pipelines.
    // </remarks>
    public static double SingleSumTolerance(int length) => 4 * SingleEpsilon * Math.Max(1.0, Math.Sqrt(length));

    // float.Epsilon is the smallest subnormal, not the machine epsilon: the spacing of floats at 1 is 2⁻²³.
    private const double SingleEpsilon = 1.0 / (1 << 23);

    // <summary>The sum tolerance of <typeparamref name="T"/> probabilities: <see cref="SingleSumTolerance"/> for float, <see cref="SumTolerance"/> otherwise.</summary>
    public static double SumTolerance<T>(int length) => typeof(T) == typeof(float) ? SingleSumTolerance(length) : SumTolerance(length);

    // <summary>Throws unless <paramref name="p"/> is a non-empty probability vector.</summary>
    // <param name="p">The values to check.</param>
    // <param name="paramName">The parameter the exception names.</param>
    // <param name="displayName">
    // How messages spell the vector when it is part of a parameter, e.g. <c>distributions[2]</c>;
    // <paramref name="paramName"/> when null.
    // </param>
    // <exception cref="ArgumentException">Empty, an entry negative/NaN/infinite, or the sum off 1.</exception>
    public static void Probabilities<T>(ReadOnlySpan<T> p, string paramName, string? displayName = null)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        displayName ??= paramName;
        if (p.IsEmpty)
        {
            throw new ArgumentException($"{displayName} is empty; at least one element is required.", paramName);
        }

        CheckProbabilities(p, paramName, displayName, columns: 0);
    }

    // <summary>
    // The probability-vector rules, shared by vectors and row-major tables: an entry names its
    // index as <c>[i]</c>, or as <c>[row,column]</c> when <paramref name="columns"/> &gt; 0.
    // </summary>
    private static void CheckProbabilities<T>(ReadOnlySpan<T> p, string paramName, string displayName, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = SumOfEntries(p, paramName, displayName, columns, "probabilities");
        if (Math.Abs(sum - 1.0) > SumTolerance<T>(p.Length))
        {
            ThrowBadSum(paramName, displayName, sum, SumTolerance<T>(p.Length));
        }
    }

    // <summary>
    // Finds why <paramref name="p"/> is not a probability vector and throws. Call it only after a
    // fast pass has seen that something is wrong.
    // </summary>
    // <exception cref="ArgumentException">Always.</exception>
    [DoesNotReturn]
    public static void ThrowInvalidProbabilities<T>(ReadOnlySpan<T> p, string paramName)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Probabilities(p, paramName);
        throw new ArgumentException($"{paramName} is not a valid probability vector.", paramName);
    }

    // <summary>Throws unless two spans that pair element by element have the same length.</summary>
    // <exception cref="ArgumentException">The lengths differ.</exception>
    public static void SameLength(int length, int otherLength, string paramName, string otherName)
    {
        if (length != otherLength)
        {
            throw new ArgumentException(
                $"{paramName} has length {length} but {otherName} has length {otherLength}; they must have the same length.",
                otherName);
        }
    }

    // <summary>
    // Throws when <paramref name="destination"/> shares memory with <paramref name="source"/> at an offset:
    // an element-by-element kernel may run in place (the same span) or on separate memory, not on a shifted view.
    // </summary>
    // <exception cref="ArgumentException">The spans overlap and do not start at the same element.</exception>
    public static void InPlaceOrDisjoint<T>(ReadOnlySpan<T> source, ReadOnlySpan<T> destination, string sourceName, string destinationName)
    {
        if (source.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"{destinationName} overlaps {sourceName} shifted by {offset} elements; pass the same span to work in place, or separate memory.",
                destinationName);
        }
    }

    // <summary>Throws when a sequence is empty.</summary>
    // <exception cref="ArgumentException"><paramref name="length"/> is 0.</exception>
    public static void NotEmpty(int length, string paramName)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{paramName} is empty; at least one element is required.", paramName);
        }
    }

    // <summary>Throws unless every value is finite.</summary>
    // <exception cref="ArgumentException">An entry is NaN or infinite.</exception>
    public static void AllFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] is {Format(values[i])}; values must be finite.", paramName);
            }
        }
    }

    // <summary>Throws unless every value is finite.</summary>
    // <exception cref="ArgumentException">An entry is NaN or infinite.</exception>
    public static void AllFinite(ReadOnlySpan<float> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] is {Format(values[i])}; values must be finite.", paramName);
            }
        }
    }

    // <summary>Throws unless every value is &gt;= 0.</summary>
    // <exception cref="ArgumentException">An entry is negative.</exception>
    public static void AllNonNegative(ReadOnlySpan<int> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
            {
                throw new ArgumentException($"{paramName}[{i}] is {values[i]}; values must be >= 0.", paramName);
            }
        }
    }

    // <summary>Throws unless <paramref name="value"/> is finite.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be finite.");
        }
    }

    // <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a finite positive number.</exception>
    public static void Positive(double value, string paramName)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be finite and > 0.");
        }
    }

    // <summary>Throws unless <paramref name="value"/> is finite and &lt; 0.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a finite negative number.</exception>
    public static void Negative(double value, string paramName)
    {
        if (!(value < 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be finite and < 0.");
        }
    }

    // <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside the range or NaN.</exception>
    public static void InRange(double value, double min, double max, string paramName)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, $"{paramName} is {Format(value)}; it must lie in [{Format(min)}, {Format(max)}].");
        }
    }

    // <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside the range.</exception>
    public static void InRange(long value, long min, long max, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, $"{paramName} is {value}; it must lie in [{min}, {max}].");
        }
    }

    // <summary>
    // The element count of a block with the given <paramref name="extents"/> (e.g. rows × columns), or an
    // exception naming the caller's parameter: the one checked product of sizes, so that no count wraps.
    // </summary>
    // <remarks>A zero extent gives 0 whatever the others are: an empty block is valid at any width.</remarks>
    // <param name="paramName">The caller's parameter that the exception names.</param>
    // <param name="what">How the message spells the product, e.g. <c>"count × LatentSize"</c>.</param>
    // <param name="extents">The sizes to multiply; each must be &gt;= 0.</param>
    // <exception cref="ArgumentOutOfRangeException">An extent is negative, or the product exceeds <see cref="int.MaxValue"/>.</exception>
    public static int ElementCount(string paramName, string what, params ReadOnlySpan<long> extents)
    {
        for (int i = 0; i < extents.Length; i++)
        {
            if (extents[i] < 0)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, extents[i], $"{paramName}: {what} has extent {extents[i]}; sizes must be >= 0.");
            }

            if (extents[i] == 0)
            {
                return 0;
            }
        }

        long product = 1;
        for (int i = 0; i < extents.Length; i++)
        {
            if (product > int.MaxValue / extents[i])
            {
                throw new ArgumentOutOfRangeException(
                    paramName, $"{paramName}: {what} = {string.Join(" × ", extents.ToArray())} is more than {int.MaxValue} elements.");
            }

            product *= extents[i];
        }

        return (int)product;
    }

    // <summary>
    // Throws unless a buffer of <paramref name="length"/> elements holds the <paramref name="required"/>
    // elements that <paramref name="shape"/> (e.g. <c>"m × k = 3 × 4"</c>) describes.
    // </summary>
    // <exception cref="ArgumentException"><paramref name="length"/> is less than <paramref name="required"/>.</exception>
    public static void MinimumLength(int length, long required, string shape, string paramName)
    {
        if (length < required)
        {
            throw new ArgumentException(
                $"{paramName} has length {length} but {shape} needs at least {required} elements.", paramName);
        }
    }

    // <summary>
    // Throws unless <paramref name="table"/>, a row-major table with <paramref name="columns"/> columns,
    // holds probabilities that sum to 1; the message names the offending <c>[row,column]</c> or the sum.
    // </summary>
    // <exception cref="ArgumentException">An entry is negative, NaN or infinite, or the sum is off 1.</exception>
    public static void ProbabilityTable(ReadOnlySpan<double> table, int columns, string paramName)
        => CheckProbabilities(table, paramName, paramName, columns);

    // <summary>
    // Returns the total of a non-empty set of observation counts, throwing on a negative count or a
    // zero total. With <paramref name="columns"/> &gt; 0 the counts are a row-major table and the
    // message names the offending <c>[row,column]</c>.
    // </summary>
    // <exception cref="ArgumentException">Empty, a count negative, a zero total, or a total past <see cref="long.MaxValue"/>.</exception>
    public static long Counts(ReadOnlySpan<long> counts, int columns, string paramName)
    {
        NotEmpty(counts.Length, paramName);
        long total = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            long c = counts[k];
            if (c < 0)
            {
                string index = columns > 0 ? $"[{k / columns},{k % columns}]" : $"[{k}]";
                throw new ArgumentException($"{paramName}{index} is {c}; counts must be >= 0.", paramName);
            }

            if (total > long.MaxValue - c)
            {
                throw new ArgumentException($"{paramName} sums past {long.MaxValue}; the total count must fit in a long.", paramName);
            }

            total += c;
        }

        if (total == 0)
        {
            throw new ArgumentException($"{paramName} sums to 0; at least one observation is required.", paramName);
        }

        return total;
    }

    // <summary>Throws when label <paramref name="index"/> of <paramref name="paramName"/> is null.</summary>
    // <remarks>Hash maps would throw <see cref="ArgumentNullException"/> naming their own 'key' instead of the caller's parameter.</remarks>
    // <exception cref="ArgumentException"><paramref name="label"/> is null.</exception>
    public static void Label<T>(T label, int index, string paramName)
    {
        if (label is null)
        {
            throw new ArgumentException($"{paramName}[{index}] is null; labels must not be null.", paramName);
        }
    }

    // <summary>The fewest labels for which <see cref="CategoricalLabels{T}"/> judges floating-point labels to be measurements.</summary>
    public const int ContinuousLabelMinimum = 20;

    // <summary>
    // Throws when floating-point labels look like measurements rather than categories: the label type is
    // <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/> or <see cref="Half"/>, there are at least
    // <see cref="ContinuousLabelMinimum"/> labels, and more than half of them are distinct.
    // </summary>
    // <remarks>
    // Counted as categories, such values make every class a singleton or nearly so: H(X) ≈ log n and I(X;Y) ≈ H(Y) whatever
    // the data, never what was meant. Exact values that really are categories pass through <c>Labels.Encode</c>.
    // </remarks>
    // <param name="count">The number of labels.</param>
    // <param name="distinct">How many of them are distinct.</param>
    // <param name="paramName">The caller's parameter that the exception names.</param>
    // <exception cref="ArgumentException">The labels look continuous.</exception>
    public static void CategoricalLabels<T>(int count, int distinct, string paramName)
    {
        bool floating = typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal) || typeof(T) == typeof(Half);
        if (floating && count >= ContinuousLabelMinimum && 2L * distinct > count)
        {
            throw new ArgumentException(
                $"{paramName} holds {count} {typeof(T).Name} labels of which {distinct} are distinct: these look like measurements, and "
                + "counting them as categories gives H = log n and MI = the entropy of the other variable, whatever the data. "
                + "Bin them first (Histogram in InfoTheory.Binning), use a continuous estimator (Knn.MutualInformation, Knn.Entropy), "
                + "or Knn.MixtureMutualInformation for data that mixes continuous and repeated values. "
                + "If the exact values really are categories, pass Labels.Encode(" + paramName + ").",
                paramName);
        }
    }

    // <summary>Throws unless <paramref name="value"/> is one of the named values of <typeparamref name="TEnum"/>.</summary>
    // <remarks>An enum parameter accepts any integer cast to it; without this check an undefined value would fall into some default branch silently.</remarks>
    // <param name="value">The value to check.</param>
    // <param name="paramName">The caller's parameter that the exception names.</param>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value.</exception>
    public static void Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw Undefined(value, paramName);
        }
    }

    // <summary>
    // The exception <see cref="Defined{TEnum}"/> throws, for a <c>switch</c> that already dispatches on the value and
    // reaches its default arm only for an undefined one (so the fast path pays for no separate check).
    // </summary>
    public static ArgumentOutOfRangeException Undefined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
        => new(
            paramName,
            value,
            $"{paramName} is {Convert.ToInt64(value, CultureInfo.InvariantCulture)}; expected one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    // <summary>
    // Throws unless entry <paramref name="index"/> of a pair of log-probability spans is usable: log p finite (a sample
    // drawn from P has p &gt; 0), log q finite or −∞ (q = 0 makes the KL infinite, which is an answer, not an error).
    // </summary>
    // <param name="logP">log p of the entry; its name is the callers' parameter name for the span.</param>
    // <param name="logQ">log q of the entry; likewise.</param>
    // <param name="index">The entry's index in the caller's span, for the message.</param>
    // <exception cref="ArgumentException">log p is NaN or ±∞, or log q is NaN or +∞.</exception>
    public static void LogProbabilityPair(double logP, double logQ, long index)
    {
        if (!double.IsFinite(logP))
        {
            throw new ArgumentException(
                $"logP[{index}] is {Format(logP)}; log-probabilities of samples drawn from P must be finite (P cannot give its own sample probability 0).",
                nameof(logP));
        }

        if (double.IsNaN(logQ) || double.IsPositiveInfinity(logQ))
        {
            throw new ArgumentException($"logQ[{index}] is {Format(logQ)}; log-probabilities must be finite or -Infinity.", nameof(logQ));
        }
    }

    // <summary>Throws unless a logit is usable: finite, or −∞ for a masked class (probability 0).</summary>
    // <param name="value">The logit.</param>
    // <param name="paramName">The caller's parameter that the exception names.</param>
    // <param name="row">The row of a [rows, classes] block, or −1 for a single vector.</param>
    // <param name="column">The logit's index within its row.</param>
    // <exception cref="ArgumentException"><paramref name="value"/> is NaN or +∞.</exception>
    public static void Logit(double value, string paramName, int row, int column)
    {
        if (double.IsNaN(value) || double.IsPositiveInfinity(value))
        {
            string index = row < 0 ? $"[{column}]" : $"[{row},{column}]";
            throw new ArgumentException(
                $"{paramName}{index} is {Format(value)}; logits must be finite, or -Infinity for a masked class.", paramName);
        }
    }

    // <summary>Throws for a vector (or row) of logits that are all −∞: its softmax gives no class a probability.</summary>
    // <exception cref="ArgumentException">Always.</exception>
    [DoesNotReturn]
    public static void ThrowNoPossibleClass(string paramName, int row)
    {
        string where = row < 0 ? paramName : $"row {row} of {paramName}";
        throw new ArgumentException($"Every logit of {where} is -Infinity; at least one class must be possible.", paramName);
    }

    // <summary>Returns 1/T after checking that the softmax temperature T is finite, &gt; 0, and large enough for 1/T to be finite.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is NaN, ±∞, ≤ 0, or so small that 1/T overflows.</exception>
    public static double InverseTemperature(double temperature, string paramName)
    {
        Positive(temperature, paramName);
        double inverse = 1.0 / temperature;
        if (!double.IsFinite(inverse))
        {
            throw new ArgumentOutOfRangeException(
                paramName, temperature, $"{paramName} is {Format(temperature)}; it must be at least {Format(1.0 / double.MaxValue)} so that 1/T is finite.");
        }

        return inverse;
    }

    // <summary>
    // Returns the number of rows of a row-major [rows, <paramref name="classes"/>] block of <paramref name="length"/> logits
    // after checking that <paramref name="classes"/> is ≥ 1 and divides the length.
    // </summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1.</exception>
    // <exception cref="ArgumentException"><paramref name="length"/> is not a multiple of <paramref name="classes"/>.</exception>
    public static int Rows(int length, int classes, string paramName, string classesName)
    {
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(classesName, classes, $"{classesName} is {classes}; it must be >= 1.");
        }

        if (length % classes != 0)
        {
            throw new ArgumentException(
                $"{paramName} has length {length}, which is not a multiple of {classesName} = {classes}; a [rows, classes] block holds rows × classes values.",
                paramName);
        }

        return length / classes;
    }

    // <summary>Throws unless a destination of one value per row has <paramref name="rows"/> elements.</summary>
    // <exception cref="ArgumentException">The length differs from <paramref name="rows"/>.</exception>
    public static void OnePerRow(int rows, int length, string paramName)
    {
        if (rows != length)
        {
            throw new ArgumentException($"{paramName} has length {length} but the input has {rows} rows; it needs one element per row.", paramName);
        }
    }

    // <summary>Throws when <paramref name="destination"/> shares memory with <paramref name="source"/>: a row-wise kernel would overwrite input it has yet to read.</summary>
    // <exception cref="ArgumentException">The spans overlap.</exception>
    public static void Disjoint<T>(ReadOnlySpan<T> source, Span<double> destination, string sourceName, string destinationName)
        where T : unmanaged
    {
        if (MemoryMarshal.AsBytes(source).Overlaps(MemoryMarshal.AsBytes((ReadOnlySpan<double>)destination)))
        {
            throw new ArgumentException($"{destinationName} overlaps {sourceName}; results need memory of their own.", destinationName);
        }
    }

    // <summary>Throws unless <paramref name="value"/> is a valid <c>MaxDegreeOfParallelism</c>: −1 for all cores (as <see cref="ParallelOptions.MaxDegreeOfParallelism"/>) or &gt;= 1.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is 0 or below −1.</exception>
    public static void DegreeOfParallelism(int value, string paramName)
    {
        if (value is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {value}; it must be -1 (all cores) or >= 1.");
        }
    }

    // <summary>
    // Throws unless <paramref name="value"/> can be the lower end of a clipping interval whose upper end is
    // <paramref name="upper"/>: −∞ (no clipping below) or finite, and at most the upper end.
    // </summary>
    // <remarks>
    // The ends are options set one at a time, so the order rule is checked against the other end as it stands; to move an
    // interval past its other end, set that end first (an options object never holds an empty interval).
    // </remarks>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or +∞, or above <paramref name="upper"/>.</exception>
    public static void LowerClipEnd(double value, double upper, string paramName, string upperName)
    {
        if (!(value < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be -Infinity (no clipping below) or finite.");
        }

        if (!(value <= upper))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, $"{paramName} is {Format(value)} but {upperName} is {Format(upper)}; the lower end must not exceed the upper end (set {upperName} first).");
        }
    }

    // <summary>
    // Throws unless <paramref name="value"/> can be the upper end of a clipping interval whose lower end is
    // <paramref name="lower"/>: +∞ (no clipping above) or finite, and at least the lower end.
    // </summary>
    // <remarks>As <see cref="LowerClipEnd"/>: checked against the other end as it stands.</remarks>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or −∞, or below <paramref name="lower"/>.</exception>
    public static void UpperClipEnd(double value, double lower, string paramName, string lowerName)
    {
        if (!(value > double.NegativeInfinity))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is {Format(value)}; it must be +Infinity (no clipping above) or finite.");
        }

        if (!(value >= lower))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, $"{paramName} is {Format(value)} but {lowerName} is {Format(lower)}; the upper end must not be below the lower end (set {lowerName} first).");
        }
    }

    // <summary>Formats a double the way messages show it: invariant culture, round-trip precision.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // <summary>
    // The one entry rule of probability vectors and of unnormalised weights: every entry finite and &gt;= 0.
    // Returns the sum of the entries; messages name an entry as <c>displayName[i]</c>, or <c>[row,column]</c> when
    // <paramref name="columns"/> &gt; 0, and state the rule for <paramref name="entries"/> ("probabilities", "weights").
    // </summary>
    // <exception cref="ArgumentException">An entry is negative, NaN or infinite.</exception>
    private static double SumOfEntries<T>(ReadOnlySpan<T> values, string paramName, string displayName, int columns, string entries)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = double.CreateTruncating(values[i]);
            if (!(v >= 0) || double.IsPositiveInfinity(v))
            {
                string index = columns > 0 ? $"[{i / columns},{i % columns}]" : $"[{i}]";
                ThrowBadEntry(paramName, displayName + index, v, entries);
            }

            sum += v;
        }

        return sum;
    }

    [DoesNotReturn]
    private static void ThrowBadEntry(string paramName, string entry, double value, string entries)
    {
        string rule = double.IsNaN(value) || double.IsInfinity(value) ? $"{entries} must be finite" : $"{entries} must be >= 0";
        throw new ArgumentException($"{entry} is {Format(value)}; {rule}.", paramName);
    }

    [DoesNotReturn]
    private static void ThrowBadSum(string paramName, string displayName, double sum, double tolerance)
    {
        throw new ArgumentException(
            $"{displayName} sums to {Format(sum)}; probabilities must sum to 1 (within {Format(tolerance)}). "
            + "Call Distribution.Normalize first if these are unnormalised weights.",
            paramName);
    }
}
