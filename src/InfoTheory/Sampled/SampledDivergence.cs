namespace InfoTheory.Sampled;

/// <summary>Divergences between two samples of discrete labels, through their (optionally smoothed) histograms.</summary>
/// <remarks>
/// Both samples are counted over one alphabet (the labels seen in either sample, in order of first
/// appearance, or an alphabet the caller supplies so that labels seen in neither are included too),
/// turned into probability vectors with <see cref="Smoothing"/>, and passed to
/// <see cref="Divergence.KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/> or
/// <see cref="Divergence.JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>.
/// These are plug-in estimates: biased for small samples, exact for the histograms themselves.
/// </remarks>
public static class SampledDivergence
{
    /// <summary>KL(P̂‖Q̂) between the smoothed histograms of two label samples.</summary>
    /// <remarks>KL = Σᵢ p̂ᵢ ln(p̂ᵢ / q̂ᵢ) with p̂ᵢ = (cᵢ + α)/(N + αK); +∞ when a label occurs in <paramref name="first"/>, not in <paramref name="second"/>, and α = 0.</remarks>
    /// <typeparam name="T">The label type; labels are compared with the default equality comparer.</typeparam>
    /// <param name="first">The sample from P; at least one label.</param>
    /// <param name="second">The sample from Q; at least one label.</param>
    /// <param name="smoothing">The pseudo-count; <see cref="Smoothing.None"/> by default.</param>
    /// <param name="alphabet">The labels to count over, or null for the labels seen in either sample.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(P̂‖Q̂) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty, it or <paramref name="alphabet"/> holds a null label (the message gives its position), or it holds a label missing from <paramref name="alphabet"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double KullbackLeibler<T>(IEnumerable<T> first, IEnumerable<T> second, Smoothing smoothing = default, IEnumerable<T>? alphabet = null, LogBase unit = LogBase.Nats)
        where T : notnull
    {
        var (p, q) = Histograms(first, second, smoothing, alphabet);
        return Divergence.KullbackLeibler(p, q, unit);
    }

    /// <summary>The Jensen–Shannon divergence between the smoothed histograms of two label samples.</summary>
    /// <remarks>JSD = ½ KL(P̂‖M) + ½ KL(Q̂‖M) with M = (P̂ + Q̂)/2; finite, in [0, ln 2] (1 bit), even without smoothing.</remarks>
    /// <typeparam name="T">The label type; labels are compared with the default equality comparer.</typeparam>
    /// <param name="first">The sample from P; at least one label.</param>
    /// <param name="second">The sample from Q; at least one label.</param>
    /// <param name="smoothing">The pseudo-count; <see cref="Smoothing.None"/> by default.</param>
    /// <param name="alphabet">The labels to count over, or null for the labels seen in either sample.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JSD(P̂, Q̂) in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty, it or <paramref name="alphabet"/> holds a null label (the message gives its position), or it holds a label missing from <paramref name="alphabet"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double JensenShannon<T>(IEnumerable<T> first, IEnumerable<T> second, Smoothing smoothing = default, IEnumerable<T>? alphabet = null, LogBase unit = LogBase.Nats)
        where T : notnull
    {
        var (p, q) = Histograms(first, second, smoothing, alphabet);
        return Divergence.JensenShannon(p, q, unit);
    }

    private static (double[] P, double[] Q) Histograms<T>(IEnumerable<T> first, IEnumerable<T> second, Smoothing smoothing, IEnumerable<T>? alphabet)
        where T : notnull
    {
        var pooled = Pool(first, second, alphabet);
        var (p, q) = (new double[pooled.Size], new double[pooled.Size]);
        pooled.Histograms(pooled.Codes, smoothing.PseudoCount, new long[2 * pooled.Size], p, q);
        return (p, q);
    }

    // <summary>Both samples as one sequence of codes over their alphabet: the first sample's labels, then the second's.</summary>
    internal static PooledSample Pool<T>(IEnumerable<T> first, IEnumerable<T> second, IEnumerable<T>? alphabet)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var slots = new Dictionary<T, int>();
        bool fixedAlphabet = alphabet is not null;
        if (alphabet is not null)
        {
            int index = 0;
            foreach (var label in alphabet)
            {
                Internal.Guard.Label(label, index++, nameof(alphabet));
                slots.TryAdd(label, slots.Count);
            }
        }

        var codes = new List<int>();
        Encode(first, slots, fixedAlphabet, codes, nameof(first));
        int firstCount = codes.Count;
        Encode(second, slots, fixedAlphabet, codes, nameof(second));
        return new PooledSample([.. codes], firstCount, slots.Count);
    }

    private static void Encode<T>(IEnumerable<T> sample, Dictionary<T, int> slots, bool fixedAlphabet, List<int> codes, string paramName)
        where T : notnull
    {
        int index = 0;
        foreach (var label in sample)
        {
            Internal.Guard.Label(label, index++, paramName);
            if (!slots.TryGetValue(label, out int slot))
            {
                if (fixedAlphabet)
                {
                    throw new ArgumentException($"{paramName} contains the label '{label}', which is not in the alphabet.", paramName);
                }

                slot = slots.Count;
                slots.Add(label, slot);
            }

            codes.Add(slot);
        }

        Internal.Guard.NotEmpty(index, paramName);
    }

    // <summary>Two label samples coded over one alphabet of <see cref="Size"/> labels: the first <see cref="FirstCount"/> codes, then the rest.</summary>
    internal sealed record PooledSample(int[] Codes, int FirstCount, int Size)
    {
        // <summary>
        // The smoothed histograms p̂ᵢ = (cᵢ + α)/(N + αK) of the first <see cref="FirstCount"/> of <paramref name="codes"/>
        // and of the rest, counted in <paramref name="counts"/> (2K long).
        // </summary>
        public void Histograms(ReadOnlySpan<int> codes, double alpha, Span<long> counts, Span<double> p, Span<double> q)
        {
            counts.Clear();
            Span<long> firstCounts = counts[..Size], secondCounts = counts[Size..];
            for (int i = 0; i < FirstCount; i++)
            {
                firstCounts[codes[i]]++;
            }

            for (int i = FirstCount; i < codes.Length; i++)
            {
                secondCounts[codes[i]]++;
            }

            Normalize(firstCounts, FirstCount, alpha, p);
            Normalize(secondCounts, codes.Length - FirstCount, alpha, q);
        }

        private static void Normalize(ReadOnlySpan<long> counts, long total, double alpha, Span<double> p)
        {
            double denominator = total + (alpha * counts.Length);
            for (int i = 0; i < counts.Length; i++)
            {
                p[i] = (counts[i] + alpha) / denominator;
            }
        }
    }
}
