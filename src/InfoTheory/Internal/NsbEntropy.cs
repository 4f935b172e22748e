using System.Buffers;
using System.Numerics;
using MathNet.Numerics;

namespace InfoTheory.Internal;

/// <summary>
/// The Nemenman–Shafee–Bialek entropy estimate: the posterior mean of the entropy under a mixture of symmetric
/// Dirichlet priors Dir(β) whose mixing density makes the prior on the entropy flat.
/// </summary>
/// <remarks>
/// With K categories, counts nᵢ summing to N and ξ(β) = ψ₀(Kβ + 1) − ψ₀(β + 1) the prior mean entropy, the prior
/// dξ is uniform, so
/// Ĥ = ∫ ⟨H⟩_β P(n | β) ξ′(β) dβ / ∫ P(n | β) ξ′(β) dβ, where
/// P(n | β) ∝ Γ(Kβ)/Γ(N + Kβ) · Πᵢ Γ(nᵢ + β)/Γ(β),
/// ξ′(β) = K ψ₁(Kβ + 1) − ψ₁(β + 1), and
/// ⟨H⟩_β = ψ₀(N + Kβ + 1) − Σᵢ (nᵢ + β)/(N + Kβ) · ψ₀(nᵢ + β + 1).
/// The integrals are taken over t = log β, where the integrand is smooth and decays exponentially at both ends, by
/// the trapezoidal rule (spectrally accurate for such integrands) on a 241-point grid that zooms in on the region
/// where the weight exceeds e⁻⁵⁰ of its peak until that region spans a quarter of the grid. The end points carry
/// weights below e⁻⁵⁰, so their half-weights are immaterial.
/// Nemenman, I., Shafee, F. &amp; Bialek, W. (2002), "Entropy and inference, revisited", NIPS 14, 471–478.
/// </remarks>
internal static class NsbEntropy
{
    // The grid over t = log β: ±60 reaches β from 1e-26 to 1e26; weights below e⁻⁵⁰ of the peak are dropped.
    private const double Reach = 60, Span = 50;
    private const int GridPoints = 241, MaxZooms = 8;

    /// <summary>The NSB estimate in nats for <paramref name="counts"/> over an alphabet of <paramref name="alphabet"/> categories.</summary>
    public static double Nats<TCount>(ReadOnlySpan<TCount> counts, double n, int alphabet)
        where TCount : IBinaryInteger<TCount>
    {
        if (alphabet < 2)
        {
            return 0;
        }

        // Bins with equal counts contribute equal terms, so work with the distinct counts and their multiplicities.
        long[] rented = ArrayPool<long>.Shared.Rent(counts.Length);
        int used = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                rented[used++] = long.CreateTruncating(c);
            }
        }

        Span<long> values = rented.AsSpan(0, used);
        values.Sort();
        int groups = 0;
        int[] multiplicity = ArrayPool<int>.Shared.Rent(used);
        for (int i = 0; i < used; i++)
        {
            if (groups > 0 && values[groups - 1] == values[i])
            {
                multiplicity[groups - 1]++;
            }
            else
            {
                values[groups] = values[i];
                multiplicity[groups++] = 1;
            }
        }

        var posterior = new Posterior(values[..groups], multiplicity.AsSpan(0, groups), (long)n, alphabet, alphabet - used);
        double h = posterior.MeanEntropy();
        ArrayPool<long>.Shared.Return(rented);
        ArrayPool<int>.Shared.Return(multiplicity);
        return h;
    }

    private readonly ref struct Posterior(ReadOnlySpan<long> values, ReadOnlySpan<int> multiplicity, long n, int alphabet, int empty)
    {
        private readonly ReadOnlySpan<long> _values = values;
        private readonly ReadOnlySpan<int> _multiplicity = multiplicity;

        public double MeanEntropy()
        {
            Span<double> log = stackalloc double[GridPoints];
            double from = -Reach, to = Reach, step = 0, peak = 0;
            for (int zoom = 0; zoom < MaxZooms; zoom++)
            {
                step = (to - from) / (GridPoints - 1);
                peak = double.NegativeInfinity;
                for (int i = 0; i < GridPoints; i++)
                {
                    log[i] = LogWeight(from + (i * step));
                    peak = Math.Max(peak, log[i]);
                }

                int first = 0, last = GridPoints - 1;
                while (log[first] <= peak - Span)
                {
                    first++;
                }

                while (log[last] <= peak - Span)
                {
                    last--;
                }

                // Resolved once the mass spans a quarter of the grid: the step is then a small fraction of its width.
                if (last - first + 2 >= GridPoints / 4)
                {
                    break;
                }

                (from, to) = (from + (Math.Max(first - 1, 0) * step), from + (Math.Min(last + 1, GridPoints - 1) * step));
            }

            double weightSum = 0, entropySum = 0;
            for (int i = 0; i < GridPoints; i++)
            {
                double w = Math.Exp(log[i] - peak);
                if (w > 0)
                {
                    weightSum += w;
                    entropySum += w * ExpectedEntropy(Math.Exp(from + (i * step)));
                }
            }

            return Math.Max(entropySum / weightSum, 0.0);
        }

        /// <summary>log(P(n | β)·ξ′(β)·β) at β = eᵗ, up to a constant; the last factor is the Jacobian dβ/dt.</summary>
        private double LogWeight(double t)
        {
            double beta = Math.Exp(t);
            double log = t - PreciseMath.LogRising(alphabet * beta, n);
            for (int g = 0; g < _values.Length; g++)
            {
                log += _multiplicity[g] * PreciseMath.LogRising(beta, _values[g]);
            }

            double slope = PriorSlope(beta);
            return slope > 0 ? log + Math.Log(slope) : double.NegativeInfinity;
        }

        /// <summary>ξ′(β) = K ψ₁(Kβ + 1) − ψ₁(β + 1), with the leading 1/z terms combined exactly for large β.</summary>
        private double PriorSlope(double beta)
        {
            double k = alphabet;
            if (beta < 9)
            {
                return (k * PreciseMath.Trigamma((k * beta) + 1)) - PreciseMath.Trigamma(beta + 1);
            }

            // K/(Kβ + 1) − 1/(β + 1) = (K − 1)/((Kβ + 1)(β + 1)): the two O(1/β) terms cancel to O(1/β²).
            return ((k - 1) / (((k * beta) + 1) * (beta + 1)))
                + (k * PreciseMath.TrigammaTail((k * beta) + 1)) - PreciseMath.TrigammaTail(beta + 1);
        }

        /// <summary>⟨H⟩_β: the posterior mean entropy under the Dirichlet(β) prior.</summary>
        private double ExpectedEntropy(double beta)
        {
            double total = n + (alphabet * beta);
            double h = SpecialFunctions.DiGamma(total + 1);
            for (int g = 0; g < _values.Length; g++)
            {
                double a = _values[g] + beta;
                h -= _multiplicity[g] * a / total * SpecialFunctions.DiGamma(a + 1);
            }

            return h - (empty * beta / total * SpecialFunctions.DiGamma(beta + 1));
        }
    }
}
