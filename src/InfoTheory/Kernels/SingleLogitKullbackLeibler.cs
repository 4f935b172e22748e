using System.Runtime.InteropServices;

namespace InfoTheory.Kernels;

// <summary>KL(p‖q) of p = softmax(βa), q = softmax(βb) from one row of float logits, in float registers.</summary>
// <remarks>
// With y = ℓ_q − ℓ_p + c for any constant c (ℓ the log-softmaxes), KL(p‖q) = Σ pᵢ k3(yᵢ) − k3(c), k3(x) = e^x − 1 − x ≥ 0,
// and c = ln Σ pᵢ e^{yᵢ} (since Σ pᵢ e^{yᵢ − c} = Σ qᵢ = 1). Every term is non-negative and of the size of its contribution,
// so float rounds each term relatively: nearly equal rows, whose log-ratios are O(δ) of both signs, keep their O(δ²)
// divergence. Two passes over the row: the largest logits (and validation), then yᵢ = β(bᵢ − aᵢ) − c₀ with
// c₀ = β(max b − max a), e_p,ᵢ = exp(β(aᵢ − max a)), S = Σ e_p, Σ e_p·k3(y) and Σ e_p·y, from which c. Where the
// normalisers differ so much that k3(c) outweighs KL more than eightfold, the second pass runs again with c₀ + c, after
// which c is at rounding level and k3(c) holds no cancellation. The float difference bᵢ − aᵢ is exact wherever bᵢ/aᵢ ∈ [½, 2]
// (Sterbenz). Sums are kept in float over runs of 16 registers and widened into double; the scalar tail runs in double.
// A row float cannot do (a −∞, NaN or +∞ logit, an exponential past float's range) is left to the double kernel.
// </remarks>
internal static class SingleLogitKullbackLeibler
{
    // Float registers per float run.
    private const int SingleRun = 16;

    // The most k3(c) may outweigh the divergence before the terms are formed again about a better centre.
    private const double Cancellation = 8.0;

    // A lane whose e_p underflowed to 0 (β(a − max a) < −80) loses e_p·k3(y) ≈ e^{β(a − max a) + y}: below e^−50 (2e-22 of
    // S ≥ 1) that is nothing; above, the row goes to the double kernel.
    private const float Negligible = -50.0f;

    // <summary>KL(p‖q) in nats of one row, or NaN when float cannot do the row and the double kernel must.</summary>
    // <param name="a">The logits of p.</param>
    // <param name="b">The logits of q, as long as <paramref name="a"/>.</param>
    // <param name="inverseTemperature">β = 1/T.</param>
    // <param name="width">A vector width.</param>
    public static double Nats(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double inverseTemperature, SimdWidth width)
        => width == SimdWidth.Vector512
            ? Nats<Vector512FloatLanes, Vector512Lanes>(a, b, inverseTemperature)
            : Nats<Vector256FloatLanes, Vector256Lanes>(a, b, inverseTemperature);

    private static double Nats<T, TWide>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double inverseTemperature)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        if (!Extremes<T, TWide>(a, out float maxA) || !Extremes<T, TWide>(b, out float maxB))
        {
            return double.NaN;
        }

        // First centred on the largest logits alone; when the normalisers then differ so much that k3(c) outweighs the
        // divergence eightfold (the subtraction would lose more than 3 bits), once more with the shift moved by c.
        float beta = (float)inverseTemperature;
        double shift = beta * ((double)maxB - maxA);
        for (int attempt = 0; ; attempt++)
        {
            if (!Terms<T, TWide>(a, b, maxA, beta, (float)shift, out double sum, out double excess, out double linear))
            {
                return double.NaN;
            }

            // c = ln Σ pᵢ e^{yᵢ} = ln(1 + Σ e_p (k3(y) + y) / S).
            double c = Math.Log(1 + ((excess + linear) / sum));
            double k3 = ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(c)));
            double nats = (excess / sum) - k3;
            if (attempt == 1 || k3 <= Cancellation * nats || !double.IsFinite(c))
            {
                return double.IsFinite(nats) ? Math.Max(nats, 0.0) : double.NaN;
            }

            shift += c;
        }
    }

    // <summary>The largest logit, or false when some logit is NaN or ±∞ (left to the double kernel, which masks or throws).</summary>
    private static bool Extremes<T, TWide>(ReadOnlySpan<float> logits, out float max)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        ref float start = ref MemoryMarshal.GetReference(logits);
        T infinity = T.Create(float.PositiveInfinity);
        T negativeInfinity = T.Create(float.NegativeInfinity);
        T high = negativeInfinity;
        T valid = T.Create(BitConverter.Int32BitsToSingle(-1));
        int i = 0;
        for (; i <= logits.Length - T.Count; i += T.Count)
        {
            T z = T.Load(ref start, i);

            // NaN fails both comparisons.
            valid &= T.LessThan(z, infinity) & T.GreaterThan(z, negativeInfinity);
            high = T.MaxNative(high, z);
        }

        T.Widen(T.Zero - high, out TWide lower, out TWide upper);
        max = i == 0 ? float.NegativeInfinity : (float)-TWide.MinLane(TWide.MinNative(lower, upper));
        bool finite = !T.AnyTrue(T.Select(valid, T.Zero, T.Create(1.0f)));
        for (; i < logits.Length; i++)
        {
            finite &= float.IsFinite(logits[i]);
            max = Math.Max(max, logits[i]);
        }

        return finite;
    }

    // <summary>S = Σ e_p, Σ e_p·k3(y) and Σ e_p·y; false when some term is not finite in float.</summary>
    private static bool Terms<T, TWide>(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, float maxA, float beta, float shift, out double sum, out double excess, out double linear)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        ref float startA = ref MemoryMarshal.GetReference(a);
        ref float startB = ref MemoryMarshal.GetReference(b);
        T zero = T.Zero;
        T center = T.Create(maxA), scale = T.Create(beta), offset = T.Create(-shift);
        T underflow = T.Create(Exp.SingleUnderflow);
        T negligible = T.Create(Negligible);
        T poison = zero, lost = zero;
        TWide sums = TWide.Zero, excesses = TWide.Zero, linears = TWide.Zero;
        int length = a.Length;
        int i = 0;
        while (i <= length - T.Count)
        {
            int runEnd = Math.Min(i + (SingleRun * T.Count), length - T.Count + 1);
            T runSum = zero, runExcess = zero, runLinear = zero;
            for (; i < runEnd; i += T.Count)
            {
                T va = T.Load(ref startA, i);
                T vb = T.Load(ref startB, i);
                T up = (va - center) * scale;
                T e = Exp.OfNonPositiveSingle<T, TWide>(up);
                T y = T.FusedMultiplyAdd(vb - va, scale, offset);
                T t = e * KlTerms.ExpMinusOneMinusXSingle<T, TWide>(y);

                // (t + y)·0 is NaN where a term overflowed float; an e_p taken as 0 matters where e_p·e^y would not be tiny.
                poison = T.FusedMultiplyAdd(t + y, zero, poison);
                if (T.AnyLessThan(up, underflow))
                {
                    lost |= T.LessThan(up, underflow) & T.GreaterThan(up + y, negligible);
                }

                runSum += e;
                runExcess += t;
                runLinear = T.FusedMultiplyAdd(e, y, runLinear);
            }

            T.Widen(runSum, out TWide lowerSum, out TWide upperSum);
            T.Widen(runExcess, out TWide lowerExcess, out TWide upperExcess);
            T.Widen(runLinear, out TWide lowerLinear, out TWide upperLinear);
            sums += lowerSum + upperSum;
            excesses += lowerExcess + upperExcess;
            linears += lowerLinear + upperLinear;
        }

        sum = TWide.SumLanes(sums);
        excess = TWide.SumLanes(excesses);
        linear = TWide.SumLanes(linears);
        for (; i < length; i++)
        {
            double e = Math.Exp((double)beta * (a[i] - maxA));
            double y = ((double)beta * ((double)b[i] - a[i])) - shift;
            sum += e;
            excess += e * ScalarLanes.SumLanes(KlTerms.ExpMinusOneMinusX(ScalarLanes.Create(y)));
            linear += e * y;
        }

        return !T.AnyNaN(poison) && !T.AnyTrue(lost) && double.IsFinite(excess);
    }
}
