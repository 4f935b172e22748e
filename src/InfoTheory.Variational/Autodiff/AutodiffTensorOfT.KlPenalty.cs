using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    // <summary>
    // The KL penalty of a batch of token log-probabilities as one scalar: per token the clamped log-ratio, the
    // estimator's term, its clamp and the aggregation weight, in one pass; the backward rule reuses each token's
    // slope, found in that pass, instead of evaluating the term again.
    // </summary>
    internal sealed class KlPenaltyNode : BinaryNode
    {
        private const string Name = "kl penalty";

        // ∂value/∂logP per token: weight · [clamps inactive] · term′(ℓ); ∂value/∂logQ is its negative.
        private readonly double[] _slopes;

        private KlPenaltyNode(AutodiffTensor<T> logP, AutodiffTensor<T> logQ, double[] slopes)
            : base(logP, logQ, [])
            => _slopes = slopes;

        public override string Operation => Name;

        // <summary>The forward pass over validated inputs: logP and logQ of one shape, mask as long as they are (or empty for all tokens).</summary>
        public static AutodiffTensor<T> Forward(
            AutodiffTensor<T> logP, AutodiffTensor<T> logQ, ReadOnlySpan<bool> mask, int sequences, KlAggregation aggregation, MonteCarloOptions options)
        {
            var p = logP.Data;
            var q = logQ.Data;
            int n = p.Length;
            int sequenceLength = n / sequences;
            bool masked = !mask.IsEmpty;
            var weights = Weights(mask, n, sequences, sequenceLength, aggregation);
            double unit = 1 / Units.NatsPerUnit(options.Unit, nameof(options));

            var slopes = new double[n];
            double value = 0;
            for (int i = 0; i < n; i++)
            {
                if (masked && !mask[i])
                {
                    continue;
                }

                double lp = double.CreateChecked(p[i]);
                double lq = double.CreateChecked(q[i]);
                Guard.LogProbabilityPair(lp, lq, i);
                double l = lp - lq;
                double lc = Math.Clamp(l, options.LogRatioMin, options.LogRatioMax);
                (double term, double slope) = TermAndSlope(options.Estimator, lc);
                double tc = Math.Clamp(term, options.TermMin, options.TermMax);
                double weight = weights.Weight(i / sequenceLength) * unit;
                value += weight * tc;

                // As Clamp does (and PyTorch's clamp): the gradient passes at a bound and is 0 strictly outside.
                bool inside = l >= options.LogRatioMin && l <= options.LogRatioMax && term >= options.TermMin && term <= options.TermMax;
                slopes[i] = inside ? weight * slope : 0;
            }

            var y = new KlPenaltyNode(logP, logQ, slopes);
            y.Data[0] = T.CreateChecked(value);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            T g = OutputGradient[0];
            if (A._requiresGrad)
            {
                var dp = A.GradientForAccumulation();
                for (int i = 0; i < dp.Length; i++)
                {
                    dp[i] += g * T.CreateChecked(_slopes[i]);
                }
            }

            if (B._requiresGrad)
            {
                var dq = B.GradientForAccumulation();
                for (int i = 0; i < dq.Length; i++)
                {
                    dq[i] -= g * T.CreateChecked(_slopes[i]);
                }
            }
        }

        // The term of ℓ = log p − log q and its derivative in ℓ; k3 = e^(−ℓ) − 1 + ℓ by its series near 0, where the
        // two-term form would lose every digit to cancellation.
        private static (double Term, double Slope) TermAndSlope(MonteCarloEstimator estimator, double l) => estimator switch
        {
            MonteCarloEstimator.K1 => (l, 1.0),
            MonteCarloEstimator.K2 => (0.5 * l * l, l),
            MonteCarloEstimator.K3 => (ExpMinusOneMinusX(-l), -ExpMinusOne(-l)),
            _ => (Math.Abs(l), Math.Sign(l)),
        };

        private static double ExpMinusOneMinusX(double x)
        {
            if (Math.Abs(x) >= 0.25)
            {
                return Math.Exp(x) - 1 - x;
            }

            // Σₖ₌₂ xᵏ/k! by Horner's rule; at |x| < 1/4 the first omitted term is below 10⁻²³ of the sum.
            double sum = 0;
            for (int k = 16; k >= 2; k--)
            {
                sum = (sum + 1) * x / k;
            }

            return sum * x;
        }

        private static double ExpMinusOne(double x) => Math.Abs(x) >= 0.25 ? Math.Exp(x) - 1 : x + ExpMinusOneMinusX(x);

        private static SequenceWeights Weights(ReadOnlySpan<bool> mask, int n, int sequences, int sequenceLength, KlAggregation aggregation)
        {
            var counts = new int[sequences];
            for (int i = 0; i < n; i++)
            {
                if (mask.IsEmpty || mask[i])
                {
                    counts[i / sequenceLength]++;
                }
            }

            long tokens = 0;
            int withTokens = 0;
            foreach (int c in counts)
            {
                tokens += c;
                withTokens += c > 0 ? 1 : 0;
            }

            if (tokens == 0)
            {
                throw new ArgumentException("mask selects no token; at least one must count.", nameof(mask));
            }

            return new SequenceWeights(counts, aggregation, tokens, withTokens);
        }

        // The weight of a token of sequence j in the aggregate: 1/ΣNᵢ, 1/m over all sequences, or 1/(Nⱼ·m) over those with tokens.
        private readonly struct SequenceWeights(int[] counts, KlAggregation aggregation, long tokens, int withTokens)
        {
            public double Weight(int sequence) => aggregation switch
            {
                KlAggregation.TokenMean => 1.0 / tokens,
                KlAggregation.SequenceSumMean => 1.0 / counts.Length,
                _ => 1.0 / ((double)counts[sequence] * withTokens),
            };
        }
    }
}
