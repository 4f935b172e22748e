using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>A mutable accumulator of how often each label was seen, for entropy and its bias-corrected estimators; mergeable exactly and serializable.</summary>
/// <remarks>
/// <para>
/// Labels may be of any type: they are keys of a hash map under the comparer given at construction. Counts are
/// integers, so <see cref="Merge"/> is exact, associative and commutative, and <see cref="Entropy"/> sorts the counts
/// before estimating, so its result has the same bits whatever order the labels were added or the parts merged in.
/// That makes the type a map-reduce accumulator: count per shard, <see cref="WriteTo"/> the shard, <see cref="ReadFrom(Stream, LabelCodec{T})"/>
/// and <see cref="Merge"/> at the reducer, then estimate. Every count is overflow-checked: an
/// <see cref="OverflowException"/> leaves the accumulator unchanged. Not thread-safe: use one per thread and merge.
/// </para>
/// </remarks>
/// <typeparam name="T">The label type.</typeparam>
public sealed class LabelCounts<T>
    where T : notnull
{
    private readonly Dictionary<T, long> _counts;

    /// <summary>Creates an empty accumulator comparing labels with <see cref="EqualityComparer{T}.Default"/>.</summary>
    public LabelCounts()
        : this(null)
    {
    }

    /// <summary>Creates an empty accumulator comparing labels with <paramref name="comparer"/>.</summary>
    /// <param name="comparer">How labels compare; <see cref="EqualityComparer{T}.Default"/> when null.</param>
    public LabelCounts(IEqualityComparer<T>? comparer)
    {
        _counts = new Dictionary<T, long>(comparer);
    }

    /// <summary>The comparer labels are counted under.</summary>
    public IEqualityComparer<T> Comparer => _counts.Comparer;

    /// <summary>The number of labels counted so far.</summary>
    public long Total { get; private set; }

    /// <summary>The number of distinct labels seen (each with a count ≥ 1).</summary>
    public int Distinct => _counts.Count;

    /// <summary>How often <paramref name="label"/> has been counted; 0 when it has not been seen.</summary>
    /// <param name="label">The label, not null.</param>
    /// <returns>Its count, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    public long this[T label]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(label);
            return _counts.TryGetValue(label, out long count) ? count : 0;
        }
    }

    /// <summary>Counts one observation of <paramref name="label"/>.</summary>
    /// <param name="label">The label, not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="OverflowException">The total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(T label)
    {
        ArgumentNullException.ThrowIfNull(label);
        Count(label, checked(Total + 1));
    }

    /// <summary>Counts <paramref name="count"/> observations of <paramref name="label"/> at once.</summary>
    /// <param name="label">The label, not null.</param>
    /// <param name="count">How many, ≥ 0; 0 changes nothing (an unseen label stays unseen).</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or so large the total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(T label, long count)
    {
        ArgumentNullException.ThrowIfNull(label);
        Guard.InRange(count, 0, long.MaxValue, nameof(count));
        if (count > long.MaxValue - Total)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The counts already total {Total}; adding {count} would pass {long.MaxValue}, the most the total can count.");
        }

        if (count != 0)
        {
            Count(label, Total + count);
        }
    }

    // Callers check the new total first: no count exceeds the total, so no count can wrap either.
    private void Count(T label, long total)
    {
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, label, out _);
        slot += total - Total;
        Total = total;
    }

    /// <summary>Counts one observation of each label in <paramref name="labels"/>.</summary>
    /// <param name="labels">The labels, none null.</param>
    /// <exception cref="ArgumentException">A label is null (the message gives its index); nothing changes.</exception>
    /// <exception cref="OverflowException">The total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Add(ReadOnlySpan<T> labels)
    {
        if (!typeof(T).IsValueType)
        {
            for (int i = 0; i < labels.Length; i++)
            {
                Guard.Label(labels[i], i, nameof(labels));
            }
        }

        long total = checked(Total + labels.Length);
        foreach (T label in labels)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, label, out _)++;
        }

        Total = total;
    }

    /// <summary>Adds every count of <paramref name="other"/> into this accumulator, exactly.</summary>
    /// <remarks>Labels are matched under this accumulator's comparer. <paramref name="other"/> is not changed; it may be this accumulator, which doubles every count.</remarks>
    /// <param name="other">The accumulator to fold in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="OverflowException">The merged total would pass <see cref="long.MaxValue"/>; nothing changes.</exception>
    public void Merge(LabelCounts<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long total = checked(Total + other.Total);
        if (ReferenceEquals(other, this))
        {
            foreach (T label in _counts.Keys.ToArray())
            {
                _counts[label] *= 2;
            }
        }
        else
        {
            foreach (KeyValuePair<T, long> pair in other._counts)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_counts, pair.Key, out _) += pair.Value;
            }
        }

        Total = total;
    }

    /// <summary>The counts of the distinct labels, ascending: the canonical order every estimate is computed in.</summary>
    /// <returns>A new array of <see cref="Distinct"/> counts, each ≥ 1.</returns>
    public long[] SortedCounts()
    {
        long[] counts = [.. _counts.Values];
        Array.Sort(counts);
        return counts;
    }

    /// <summary>The entropy of the label distribution, estimated from the counts with <paramref name="estimator"/>.</summary>
    /// <remarks>
    /// Equals <see cref="InfoTheory.Entropy.FromCounts"/> over the counts in ascending order, so two accumulators holding the
    /// same counts give the same bits, however the data was split, added and merged.
    /// </remarks>
    /// <param name="estimator">The estimator; the plug-in (maximum-likelihood) one by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The estimated entropy in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="InvalidOperationException">Nothing has been counted yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> or <paramref name="unit"/> is not defined.</exception>
    public double Entropy(EntropyEstimator estimator = EntropyEstimator.PlugIn, LogBase unit = LogBase.Nats)
    {
        if (Total == 0)
        {
            throw new InvalidOperationException("The label counts are empty; add labels before asking for their entropy.");
        }

        return InfoTheory.Entropy.FromCounts(SortedCounts(), estimator, unit);
    }

    /// <summary>Writes the counts in the accumulator binary format (docs/accumulator-format.md), kind 2.</summary>
    /// <remarks>
    /// Layout, little-endian: header "ITAC", version u16 = 1, kind u16 = 2, payload length u64; payload = total i64,
    /// distinct i32, then per label: its encoding's length i32, the bytes <paramref name="codec"/> writes for it, and its
    /// count i64; trailer = CRC-32 (IEEE) of header and payload, u32. Labels are written sorted by their encoded bytes
    /// (ordinal, shorter first on a common prefix), so equal accumulators write identical bytes. The comparer is not
    /// written.
    /// </remarks>
    /// <param name="destination">The stream to write to; left positioned after the block.</param>
    /// <param name="codec">How to encode labels; the built-in codec of <typeparamref name="T"/> when null (see <see cref="LabelCodec{T}"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="NotSupportedException"><paramref name="codec"/> is null and <typeparamref name="T"/> has no built-in codec.</exception>
    /// <exception cref="InvalidOperationException">The codec writes the same bytes for two labels the comparer tells apart.</exception>
    public void WriteTo(Stream destination, LabelCodec<T>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        codec ??= BuiltIn();
        var encoded = new (byte[] Bytes, long Count)[_counts.Count];
        using (var buffer = new MemoryStream())
        using (var writer = new BinaryWriter(buffer, BuiltInLabelCodecs.StrictUtf8, leaveOpen: true))
        {
            int i = 0;
            foreach (KeyValuePair<T, long> pair in _counts)
            {
                buffer.SetLength(0);
                codec.Write(writer, pair.Key);
                writer.Flush();
                encoded[i++] = (buffer.ToArray(), pair.Value);
            }
        }

        Array.Sort(encoded, static (a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        var payload = new ArrayBufferWriter<byte>();
        PayloadWriter.Int64(payload, Total);
        PayloadWriter.Int32(payload, encoded.Length);
        for (int i = 0; i < encoded.Length; i++)
        {
            if (i > 0 && encoded[i].Bytes.AsSpan().SequenceEqual(encoded[i - 1].Bytes))
            {
                throw new InvalidOperationException(
                    $"The codec {codec.GetType().Name} writes the same bytes for two distinct labels; it must encode distinct labels distinctly.");
            }

            PayloadWriter.Int32(payload, encoded[i].Bytes.Length);
            payload.Write(encoded[i].Bytes);
            PayloadWriter.Int64(payload, encoded[i].Count);
        }

        AccumulatorFormat.Write(destination, AccumulatorKind.LabelCounts, payload.WrittenSpan);
    }

    /// <summary>Reads counts written by <see cref="WriteTo"/>, with labels compared by <see cref="EqualityComparer{T}.Default"/>.</summary>
    /// <param name="source">The stream to read one block from; left positioned after it.</param>
    /// <param name="codec">How labels were encoded; the built-in codec of <typeparamref name="T"/> when null.</param>
    /// <returns>An accumulator with the written labels, counts and total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="NotSupportedException"><paramref name="codec"/> is null and <typeparamref name="T"/> has no built-in codec.</exception>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupt (CRC mismatch), not an accumulator, another kind or an unknown version;
    /// or the payload is inconsistent: labels out of canonical order or repeated, a label the codec cannot read back exactly, a count ≤ 0,
    /// or counts that do not sum to the stored total.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "ReadFrom is the factory every accumulator has; T is named by the caller anyway.")]
    // The priority settles ReadFrom(s, null), which would otherwise match both overloads (either way null means the defaults).
    [OverloadResolutionPriority(1)]
    public static LabelCounts<T> ReadFrom(Stream source, LabelCodec<T>? codec = null) => ReadFrom(source, null, codec);

    /// <summary>Reads counts written by <see cref="WriteTo"/>, with labels compared by <paramref name="comparer"/>.</summary>
    /// <param name="source">The stream to read one block from; left positioned after it.</param>
    /// <param name="comparer">How labels compare; <see cref="EqualityComparer{T}.Default"/> when null.</param>
    /// <param name="codec">How labels were encoded; the built-in codec of <typeparamref name="T"/> when null.</param>
    /// <returns>An accumulator with the written labels, counts and total.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="NotSupportedException"><paramref name="codec"/> is null and <typeparamref name="T"/> has no built-in codec.</exception>
    /// <exception cref="InvalidDataException">As for <see cref="ReadFrom(Stream, LabelCodec{T})"/>, and when two labels are equal under <paramref name="comparer"/>.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "ReadFrom is the factory every accumulator has; T is named by the caller anyway.")]
    public static LabelCounts<T> ReadFrom(Stream source, IEqualityComparer<T>? comparer, LabelCodec<T>? codec = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        codec ??= BuiltIn();
        byte[] payload = AccumulatorFormat.Read(source, AccumulatorKind.LabelCounts);
        var reader = new PayloadReader(payload, $"{nameof(LabelCounts<T>)}<{typeof(T).Name}>");
        long total = reader.Int64();
        int distinct = reader.Int32();
        if (distinct < 0 || distinct > reader.Remaining / 12)
        {
            throw new InvalidDataException($"The serialized label counts claim {distinct} labels, which {reader.Remaining} payload bytes cannot hold.");
        }

        var result = new LabelCounts<T>(comparer);
        long sum = 0;
        ReadOnlySpan<byte> previous = default;
        for (int i = 0; i < distinct; i++)
        {
            int length = reader.Int32();
            ReadOnlySpan<byte> bytes = reader.Bytes(length);
            long count = reader.Int64();
            if (i > 0 && previous.SequenceCompareTo(bytes) >= 0)
            {
                throw new InvalidDataException($"Label {i} of the serialized label counts is out of canonical order or repeats label {i - 1}.");
            }

            if (count <= 0)
            {
                throw new InvalidDataException($"Label {i} of the serialized label counts has count {count}; stored counts must be >= 1.");
            }

            if (count > long.MaxValue - sum)
            {
                throw new InvalidDataException($"The serialized label counts sum past {long.MaxValue}.");
            }

            T label = Decode(codec, bytes, i);
            if (!result._counts.TryAdd(label, count))
            {
                throw new InvalidDataException($"Label {i} of the serialized label counts equals an earlier label under the comparer.");
            }

            sum += count;
            previous = bytes;
        }

        reader.End();
        if (sum != total)
        {
            throw new InvalidDataException($"The serialized label counts sum to {sum} but the stored total is {total}.");
        }

        result.Total = total;
        return result;
    }

    private static T Decode(LabelCodec<T> codec, ReadOnlySpan<byte> bytes, int index)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var labelReader = new BinaryReader(stream, BuiltInLabelCodecs.StrictUtf8);
        T label;
        try
        {
            label = codec.Read(labelReader);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or DecoderFallbackException)
        {
            throw new InvalidDataException($"Label {index} of the serialized label counts cannot be decoded: {e.Message}", e);
        }

        if (stream.Position != stream.Length)
        {
            throw new InvalidDataException(
                $"Label {index} of the serialized label counts has {stream.Length - stream.Position} bytes its codec did not read.");
        }

        if (label is null)
        {
            throw new InvalidDataException($"Label {index} of the serialized label counts decodes to null.");
        }

        return label;
    }

    private static LabelCodec<T> BuiltIn() => BuiltInLabelCodecs.For<T>()
        ?? throw new NotSupportedException(
            $"Labels of type {typeof(T).FullName} have no built-in codec; pass a {nameof(LabelCodec<T>)}<{typeof(T).Name}> that writes and reads them.");
}
