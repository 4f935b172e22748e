using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Internal;

// <summary>The tensor rules of the one validation helper: shapes and finite values, with messages that show both.</summary>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="tensor"/> has rank at least <paramref name="minimumRank"/>.</summary>
    // <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
    // <exception cref="ArgumentException">The rank is below <paramref name="minimumRank"/>.</exception>
    public static void MinimumRank<T>(AutodiffTensor<T> tensor, int minimumRank, string expected, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor, paramName);
        if (tensor.Rank < minimumRank)
        {
            throw new ArgumentException($"{paramName} has shape {Shapes.Format(tensor.Shape)}; expected {expected}.", paramName);
        }
    }

    // <summary>Throws unless two tensors that pair element by element have the same shape.</summary>
    // <exception cref="ArgumentException">The shapes differ.</exception>
    public static void SameShape<T>(AutodiffTensor<T> tensor, AutodiffTensor<T> other, string paramName, string otherName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!tensor.Shape.SequenceEqual(other.Shape))
        {
            throw new ArgumentException(
                $"{paramName} has shape {Shapes.Format(tensor.Shape)} but {otherName} has shape {Shapes.Format(other.Shape)}; they must have the same shape.",
                otherName);
        }
    }

    // <summary>Throws unless the last extents of <paramref name="tensor"/> are exactly <paramref name="trailing"/> (leading axes are free).</summary>
    // <exception cref="ArgumentException">The rank is too low or a trailing extent differs.</exception>
    public static void TrailingShape<T>(AutodiffTensor<T> tensor, ReadOnlySpan<int> trailing, string paramName, string reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = tensor.Shape;
        if (shape.Length < trailing.Length || !shape[(shape.Length - trailing.Length)..].SequenceEqual(trailing))
        {
            throw new ArgumentException(
                $"{paramName} has shape {Shapes.Format(shape)}; it must end in {Shapes.Format(trailing)} to match {reference}.", paramName);
        }
    }

    // <summary>Throws unless every element of <paramref name="tensor"/> is finite.</summary>
    // <exception cref="ArgumentException">An element is NaN or infinite; the message gives its flat index.</exception>
    public static void AllFinite<T>(AutodiffTensor<T> tensor, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = tensor.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] (flat index in shape {Shapes.Format(tensor.Shape)}) is {Format(double.CreateChecked(values[i]))}; values must be finite.", paramName);
            }
        }
    }

    // <summary>Throws unless every element of <paramref name="tensor"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    // <exception cref="ArgumentException">An element is outside the interval or NaN; the message gives its flat index.</exception>
    public static void AllInRange<T>(AutodiffTensor<T> tensor, T min, T max, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = tensor.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= min && values[i] <= max))
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] (flat index in shape {Shapes.Format(tensor.Shape)}) is {Format(double.CreateChecked(values[i]))}; values must lie in [{Format(double.CreateChecked(min))}, {Format(double.CreateChecked(max))}].", paramName);
            }
        }
    }

    // <summary>Throws unless every entry of <paramref name="indices"/> lies in [0, <paramref name="extent"/>): positions along an axis, or class labels.</summary>
    // <param name="indices">The positions.</param>
    // <param name="extent">The number of valid positions.</param>
    // <param name="paramName">The caller's parameter.</param>
    // <param name="what">What the positions index, for the message, e.g. "the classes of logits [4, 3]".</param>
    // <exception cref="ArgumentOutOfRangeException">An entry is negative or at least <paramref name="extent"/>; the message gives the first one and its position.</exception>
    public static void Indices(ReadOnlySpan<int> indices, int extent, string paramName, string what)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)extent)
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    indices[i],
                    extent == 0
                        ? $"{paramName}[{i}] is {indices[i]}, but {what} has no positions (extent 0)."
                        : $"{paramName}[{i}] is {indices[i]}; it must lie in [0, {extent - 1}], {what}.");
            }
        }
    }

    // <summary>
    // An argument error raised on an internal value, restated for the public parameter it came from: without the
    // inner "(Parameter '…')" suffix, so the message names one parameter once.
    // </summary>
    // <param name="inner">The error on the internal value.</param>
    // <param name="context">Replaces the internal parameter's name where the message starts with it (else prefixes the message), e.g. "the factor built from raw".</param>
    // <param name="paramName">The public parameter to name.</param>
    public static ArgumentException Restate(ArgumentException inner, string context, string paramName)
    {
        string message = inner.Message;
        string name = inner.ParamName ?? string.Empty;
        string suffix = $" (Parameter '{name}')";
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        message = name.Length > 0 && message.StartsWith(name, StringComparison.Ordinal)
            ? context + message[name.Length..]
            : $"{context}: {message}";
        return new ArgumentException(message, paramName, inner);
    }
}
