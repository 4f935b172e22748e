using System.Buffers;
using System.Numerics;
using MathNet.Numerics;

namespace InfoTheory.Internal;

// <summary>
// The Nemenman–Shafee–Bialek entropy estimate: the posterior mean of the entropy under a mixture of symmetric
// Dirichlet priors Dir(β) whose mixing density makes the prior on the entropy flat.
// </summary>
// <remarks>
// With K categories, counts nᵢ summing to N and ξ(β) = ψ₀(Kβ + 1) − ψ₀(β + 1) the prior mean entropy, the prior
// dξ is uniform, so
// Ĥ = ∫ ⟨H⟩_β P(n | β) ξ′(β) dβ / ∫ P(n | β) ξ′(β) dβ, where
// P(n | β) ∝ Γ(Kβ)/Γ(N + Kβ) · Πᵢ Γ(nᵢ + β)/Γ(β),
// ξ′(β) = K ψ₁(Kβ + 1) − ψ₁(β + 1), and
// ⟨H⟩_β = ψ₀(N + Kβ + 1) − Σᵢ (nᵢ + β)/(N + Kβ) · ψ₀(nᵢ + β + 1).
// The integrals are taken over t = log β, where the integrand is smooth and decays exponentially at both ends, by
// the trapezoidal rule (spectrally accurate for such integrands) on a 241-point grid that zooms in on the region
// where the weight exceeds e⁻⁵⁰ of its peak until that region spans half the grid (a quarter left 1e-7 relative
// error on nearly pure samples such as [1, 10⁶]). The end points carry weights below e⁻⁵⁰, so their half-weights
// are immaterial. The likelihood and ⟨H⟩_β are evaluated in forms free of cancellation (see <c>LogLikelihood</c> and
// <c>ExpectedEntropy</c>), so any total up to <see cref="long.MaxValue"/> is supported: at N = 2⁶⁰ the textbook forms
// subtract log-gammas of size 10²⁰ and once gave 0 for [1, 1, 2⁵⁸] and an index error for [2⁶⁰, 2⁶⁰].
// Nemenman, I., Shafee, F. &amp; Bialek, W. (2002), "Entropy and inference, revisited", NIPS 14, 471–478.
// </remarks>
internal static class NsbEntropy
{
    // The grid over t = log β: ±60 reaches β from 1e-26 to 1e26; weights below e⁻⁵⁰ of the peak are dropped.
    private const double Reach = 60, Span = 50;
    private const int GridPoints = 241, MaxZooms = 8;

    // <summary>The NSB estimate in nats for <paramref name="counts"/> over an alphabet of <paramref name="alphabet"/> categories.</summary>
    // <remarks>The total is summed from the counts as an integer: as a double it would round past 2⁵³ and disagree with them.</remarks>
    public static double Nats<TCount>(ReadOnlySpan<TCount> counts, long alphabet)
        where TCount : IBinaryInteger<TCount>
    {
        if (alphabet < 2)
        {
            return 0;
        }

        // Bins with equal counts contribute equal terms, so work with the distinct counts and their multiplicities.
        long[] rented = ArrayPool<long>.Shared.Rent(counts.Length);
        int used = 0;
        long total = 0;
        foreach (TCount c in counts)
        {
            if (c > TCount.Zero)
            {
                total += rented[used++] = long.CreateTruncating(c);
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

        var posterior = new Posterior(values[..groups], multiplicity.AsSpan(0, groups), total, alphabet, alphabet - used);
        double h = posterior.MeanEntropy();
        ArrayPool<long>.Shared.Return(rented);
        ArrayPool<int>.Shared.Return(multiplicity);
        return h;
    }

    private readonly ref struct Posterior(ReadOnlySpan<long> values, ReadOnlySpan<int> multiplicity, long n, long alphabet, long empty)
    {
        private readonly ReadOnlySpan<long> _values = values;
        private readonly ReadOnlySpan<int> _multiplicity = multiplicity;

        // ln P(n | β) in the small-β form lacks Σ m_g ln Γ(n_g) − ln Γ(N), which the large-β form keeps; adding it joins the two.
        private readonly double _seam = Seam(values, multiplicity, n);

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
                while (first < last && log[first] <= peak - Span)
                {
                    first++;
                }

                while (last > first && log[last] <= peak - Span)
                {
                    last--;
                }

                // Resolved once the mass spans half the grid: the step is then a small fraction of its width.
                if (last - first + 2 >= GridPoints / 2)
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

        private static double Seam(ReadOnlySpan<long> values, ReadOnlySpan<int> multiplicity, long n)
        {
            double seam = -SpecialFunctions.GammaLn(n);
            for (int g = 0; g < values.Length; g++)
            {
                seam += multiplicity[g] * SpecialFunctions.GammaLn(values[g]);
            }

            return seam;
        }

        // <summary>log(P(n | β)·ξ′(β)·β) at β = eᵗ, up to a constant; the last factor is the Jacobian dβ/dt.</summary>
        private double LogWeight(double t)
        {
            double beta = Math.Exp(t);
            double slope = PriorSlope(beta);
            return slope > 0 ? t + LogLikelihood(beta) + Math.Log(slope) : double.NegativeInfinity;
        }

        // <summary>ln P(n | β) = ln Γ(Kβ) − ln Γ(N + Kβ) + Σ_g m_g (ln Γ(n_g + β) − ln Γ(β)), in two cancellation-free forms.</summary>
        // <remarks>
        // Written out, the terms are of size N ln N and cancel to O(ln N): at N = 2⁶⁰ that left no digit of the weights.
        // Below β = N the likelihood is ln B(N, Kβ) − Σ m_g ln B(n_g, β) + seam, every Beta function taken with the
        // smaller argument's share only (<see cref="PreciseMath.LogInverseBeta"/>). Above, ln Γ(β + n) − ln Γ(β) =
        // n ln β + R(n, β) with the small excess R (<see cref="PreciseMath.LogRisingExcess"/>), and the n ln β parts
        // cancel exactly because Σ m_g n_g = N: ln P = −N ln K − R(N, Kβ) + Σ m_g R(n_g, β).
        // </remarks>
        private double LogLikelihood(double beta)
        {
            double k = alphabet;
            double log;
            if (beta <= n)
            {
                log = _seam - PreciseMath.LogInverseBeta(n, k * beta);
                for (int g = 0; g < _values.Length; g++)
                {
                    log += _multiplicity[g] * PreciseMath.LogInverseBeta(_values[g], beta);
                }

                return log;
            }

            log = (-n * Math.Log(k)) - PreciseMath.LogRisingExcess(k * beta, n);
            for (int g = 0; g < _values.Length; g++)
            {
                log += _multiplicity[g] * PreciseMath.LogRisingExcess(beta, _values[g]);
            }

            return log;
        }

        // <summary>ξ′(β) = K ψ₁(Kβ + 1) − ψ₁(β + 1), with the leading 1/z terms combined exactly for large β.</summary>
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

        // <summary>⟨H⟩_β: the posterior mean entropy under the Dirichlet(β) prior.</summary>
        // <remarks>
        // ψ₀(A + 1) − Σᵢ (aᵢ/A) ψ₀(aᵢ + 1) with aᵢ = nᵢ + β, A = N + Kβ, written as Σᵢ (aᵢ/A)(ψ₀(A + 1) − ψ₀(aᵢ + 1)) since
        // Σᵢ aᵢ/A = 1: every term is ≥ 0, and each difference of digammas is taken whole from A − aᵢ = (N − nᵢ) + (K − 1)β
        // (<see cref="PreciseMath.DigammaDifference"/>). A nearly pure sample ([1, 1, 2⁵⁸]) thus keeps its tiny entropy
        // instead of the rounding noise of ψ₀(2⁵⁸) ≈ 40.
        // </remarks>
        private double ExpectedEntropy(double beta)
        {
            double spread = (alphabet - 1) * beta;
            double total = n + (alphabet * beta);
            double h = 0;
            for (int g = 0; g < _values.Length; g++)
            {
                double a = _values[g] + beta;
                h += _multiplicity[g] * a / total * PreciseMath.DigammaDifference(a + 1, (n - _values[g]) + spread);
            }

            return h + (empty * beta / total * PreciseMath.DigammaDifference(beta + 1, n + spread));
        }
    }
}
