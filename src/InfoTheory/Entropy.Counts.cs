using System.Buffers;
using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory;

/// <content>Entropy estimated from observed counts and from samples of labels.</content>
public static partial class Entropy
{
    /// <summary>Estimates the entropy of a discrete distribution from the observed count of each of its K categories.</summary>
    /// <remarks>
    /// With n = Σ cₖ, K = <c>counts.Length</c>, m the number of non-zero counts and p̂ₖ = cₖ/n:
    /// <list type="bullet">
    /// <item><see cref="EntropyEstimator.PlugIn"/>: Ĥ = −Σ p̂ₖ log p̂ₖ.</item>
    /// <item><see cref="EntropyEstimator.MillerMadow"/>: Ĥ = Ĥ_plug-in + (m − 1)/(2n) (Miller 1955).</item>
    /// <item><see cref="EntropyEstimator.ChaoShen"/>: with f₁ singletons (f₁ := n − 1 when every observation is a
    /// singleton), coverage C = 1 − f₁/n and pₖ = C·p̂ₖ, Ĥ = −Σ pₖ log pₖ / (1 − (1 − pₖ)ⁿ) (Chao &amp; Shen 2003).</item>
    /// <item><see cref="EntropyEstimator.JamesSteinShrinkage"/>: pₖ = λ/K + (1 − λ)·p̂ₖ with λ = <see cref="ShrinkageIntensity"/>,
    /// Ĥ = −Σ pₖ log pₖ over all K categories (Hausser &amp; Strimmer 2009).</item>
    /// <item><see cref="EntropyEstimator.Nsb"/>: Ĥ = ∫ ⟨H⟩_β P(n|β) ξ′(β) dβ / ∫ P(n|β) ξ′(β) dβ, the posterior mean under
    /// Dirichlet(β) priors mixed so that the prior mean entropy ξ(β) = ψ₀(Kβ + 1) − ψ₀(β + 1) is uniform, with
    /// P(n|β) ∝ Γ(Kβ)/Γ(n + Kβ) Πₖ Γ(cₖ + β)/Γ(β); integrated numerically over log β to about 1e-9 relative, for any
    /// total up to <see cref="long.MaxValue"/> (Nemenman, Shafee &amp; Bialek 2002). It costs a few thousand evaluations
    /// over the distinct count values.</item>
    /// </list>
    /// Zero counts change only the James–Stein and NSB estimates, which spread over all K categories.
    /// The values agree with the R package <c>entropy</c> (entropy.plugin, entropy.MillerMadow, entropy.ChaoShen,
    /// entropy.shrink, entropy.NSB).
    /// </remarks>
    /// <param name="counts">How often each category was observed: every cₖ ≥ 0, Σ cₖ &gt; 0.</param>
    /// <param name="estimator">The estimator; plug-in (maximum likelihood) by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The entropy estimate in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count, or sums to 0 (or past <see cref="long.MaxValue"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static double FromCounts(ReadOnlySpan<long> counts, EntropyEstimator estimator = EntropyEstimator.PlugIn, LogBase unit = LogBase.Nats)
    {
        long n = Guard.Counts(counts, 0, nameof(counts));
        Guard.Defined(estimator, nameof(estimator));
        return Units.FromNats(EstimateNats(counts, n, counts.Length, estimator), unit);
    }

    /// <summary>The James–Stein shrinkage intensity λ* that pulls observed frequencies towards the uniform distribution.</summary>
    /// <remarks>
    /// With n = Σ cₖ, p̂ₖ = cₖ/n and target tₖ = 1/K:
    /// λ* = Σ Var̂(p̂ₖ) / Σ (tₖ − p̂ₖ)², Var̂(p̂ₖ) = p̂ₖ(1 − p̂ₖ)/(n − 1), truncated to [0, 1]; λ* = 1 when n = 1 or
    /// the frequencies already equal the target. Hausser, J. &amp; Strimmer, K. (2009), JMLR 10, 1469–1484, eq. (5).
    /// </remarks>
    /// <param name="counts">How often each of the K categories was observed: every cₖ ≥ 0, Σ cₖ &gt; 0.</param>
    /// <returns>λ* in [0, 1] (dimensionless): 0 keeps the observed frequencies, 1 replaces them by the uniform target.</returns>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count, or sums to 0.</exception>
    public static double ShrinkageIntensity(ReadOnlySpan<long> counts)
    {
        long n = Guard.Counts(counts, 0, nameof(counts));
        return ShrinkageLambda(counts, n, counts.Length);
    }

    /// <summary>Estimates the entropy of the distribution that produced a sequence of labels.</summary>
    /// <remarks>
    /// Counts each distinct label, then applies <paramref name="estimator"/> as <see cref="FromCounts"/> does, over the
    /// alphabet of the labels observed (so K = m for James–Stein and NSB). <see cref="int"/> labels whose range max − min is
    /// small are counted in a dense pooled array with no hashing and no allocation; <see cref="string"/> labels are counted
    /// by content (ordinal) in the pass that hashes them, on all cores for long inputs; other labels go through a hash
    /// map keyed by <see cref="EqualityComparer{T}.Default"/>.
    /// </remarks>
    /// <typeparam name="T">The label type; equality decides which samples share a category.</typeparam>
    /// <param name="samples">The observed labels; none may be null.</param>
    /// <param name="estimator">The estimator; plug-in (maximum likelihood) by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The entropy estimate in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="samples"/> is empty or holds a null label, or holds floating-point values that look like measurements
    /// (float, double, decimal or Half, at least 20 labels, more than half distinct; the message points to <c>Histogram</c>
    /// and <c>Knn</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/> of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static double FromSamples<T>(ReadOnlySpan<T> samples, EntropyEstimator estimator = EntropyEstimator.PlugIn, LogBase unit = LogBase.Nats)
        where T : notnull
    {
        Guard.NotEmpty(samples.Length, nameof(samples));
        Guard.Defined(estimator, nameof(estimator));
        int n = samples.Length;
        if (typeof(T) == typeof(string))
        {
            // Counted as they are coded, in one pass that writes no codes; every count is at least 1.
            int[] labelCounts = StringCoding.Count(LabelCounting.AsStrings(samples), nameof(samples));
            return Units.FromNats(EstimateNats<int>(labelCounts, n, labelCounts.Length, estimator), unit);
        }

        int[]? codes = null;
        ReadOnlySpan<int> values;
        int min;
        int width;
        if (typeof(T) == typeof(int)
            && LabelCounting.TryDenseRange(LabelCounting.AsInt32(samples), LabelCounting.DenseLimit(n), out min, out width))
        {
            values = LabelCounting.AsInt32(samples);
        }
        else
        {
            codes = ArrayPool<int>.Shared.Rent(n);
            width = LabelCounting.Encode(samples, codes.AsSpan(0, n), nameof(samples));
            values = codes.AsSpan(0, n);
            min = 0;
        }

        int[] rented = ArrayPool<int>.Shared.Rent(width);
        Span<int> counts = rented.AsSpan(0, width);
        counts.Clear();
        LabelCounting.Histogram(values, min, counts);
        int observed = width - counts.Count(0);
        double h = EstimateNats<int>(counts, n, observed, estimator);
        ArrayPool<int>.Shared.Return(rented);
        if (codes is not null)
        {
            ArrayPool<int>.Shared.Return(codes);
        }

        return Units.FromNats(h, unit);
    }

    /// <summary>Estimates the entropy of the distribution that produced a list of labels.</summary>
    /// <remarks>
    /// Forwards to <see cref="FromSamples{T}(ReadOnlySpan{T}, EntropyEstimator, LogBase)"/>, viewing an array or a
    /// <see cref="List{T}"/> in place; this overload exists so that <c>Entropy.FromSamples(list)</c> infers T from a list.
    /// </remarks>
    /// <inheritdoc cref="FromSamples{T}(ReadOnlySpan{T}, EntropyEstimator, LogBase)"/>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public static double FromSamples<T>(IReadOnlyList<T> samples, EntropyEstimator estimator = EntropyEstimator.PlugIn, LogBase unit = LogBase.Nats)
        where T : notnull
        => FromSamples(ReadOnlyLists.AsSpan(samples, nameof(samples)), estimator, unit);

    // <param name="counts">Counts, some possibly 0.</param>
    // <param name="n">Their total, &gt; 0.</param>
    // <param name="alphabet">K, the number of categories the James–Stein target and the NSB prior spread over.</param>
    // <param name="estimator">A defined estimator.</param>
    internal static double EstimateNats<TCount>(ReadOnlySpan<TCount> counts, double n, long alphabet, EntropyEstimator estimator)
        where TCount : IBinaryInteger<TCount> => estimator switch
        {
            EntropyEstimator.PlugIn => PlugInNats(counts, n),
            EntropyEstimator.MillerMadow => PlugInNats(counts, n) + ((NonZero(counts) - 1) / (2 * n)),
            EntropyEstimator.ChaoShen => ChaoShenNats(counts, n),
            EntropyEstimator.JamesSteinShrinkage => JamesSteinNats(counts, n, alphabet),
            _ => NsbEntropy.Nats(counts, alphabet),
        };

    // <summary>−Σ (c/n) log(c/n) over the non-zero counts, in nats; no validation.</summary>
    internal static double PlugInNats<TCount>(ReadOnlySpan<TCount> counts, double n)
        where TCount : IBinaryInteger<TCount>
    {
        double h = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                double p = double.CreateTruncating(c) / n;
                h -= p * Math.Log(p);
            }
        }

        return Math.Max(h, 0.0);
    }

    private static int NonZero<TCount>(ReadOnlySpan<TCount> counts)
        where TCount : IBinaryInteger<TCount> => counts.Length - counts.Count(TCount.Zero);

    private static double ChaoShenNats<TCount>(ReadOnlySpan<TCount> counts, double n)
        where TCount : IBinaryInteger<TCount>
    {
        double singletons = counts.Count(TCount.One);
        if (singletons == n)
        {
            // Coverage would be 0 and every term 0/0; Chao & Shen drop one singleton instead.
            singletons = n - 1;
        }

        double coverage = 1 - (singletons / n);
        double h = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                double pa = coverage * double.CreateTruncating(c) / n;

                // 1 − (1 − pa)ⁿ through log1p/expm1: the direct power loses all digits when pa·n is small.
                double seen = -PreciseMath.ExpM1(n * Numerics.Log1P(-pa));
                h -= pa * Math.Log(pa) / seen;
            }
        }

        return Math.Max(h, 0.0);
    }

    private static double JamesSteinNats<TCount>(ReadOnlySpan<TCount> counts, double n, long alphabet)
        where TCount : IBinaryInteger<TCount>
    {
        double lambda = ShrinkageLambda(counts, n, alphabet);
        double target = 1.0 / alphabet;
        double h = 0;
        int observed = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                observed++;
                double p = (lambda * target) + ((1 - lambda) * double.CreateTruncating(c) / n);
                h -= p * Math.Log(p);
            }
        }

        double unseen = lambda * target;
        if (unseen > 0 && alphabet > observed)
        {
            h -= (alphabet - observed) * unseen * Math.Log(unseen);
        }

        return Math.Max(h, 0.0);
    }

    private static double ShrinkageLambda<TCount>(ReadOnlySpan<TCount> counts, double n, long alphabet)
        where TCount : IBinaryInteger<TCount>
    {
        if (n == 1)
        {
            return 1.0;
        }

        double target = 1.0 / alphabet;
        double variance = 0;
        double misfit = 0;
        int observed = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                observed++;
                double u = double.CreateTruncating(c) / n;
                variance += u * (1 - u);
                misfit += (u - target) * (u - target);
            }
        }

        misfit += (alphabet - observed) * target * target;
        variance /= n - 1;
        return misfit == 0 ? 1.0 : Math.Clamp(variance / misfit, 0.0, 1.0);
    }
}
