using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>What <see cref="LogitKernels"/> computes from one or two rows of logits.</summary>
internal enum LogitMeasure
{
    // <summary>H(p), one row.</summary>
    Entropy,

    // <summary>H(p, q).</summary>
    CrossEntropy,

    // <summary>KL(p‖q).</summary>
    KullbackLeibler,

    // <summary>JSD(p, q).</summary>
    JensenShannon,
}

// <summary>
// Measures of p = softmax(a/T) and q = softmax(b/T) from the logits a, b, by a two-pass log-sum-exp that never forms
// the probabilities as values to store: the first pass validates and finds each row's largest logit, the second sums
// eᵢ = exp(uᵢ), uᵢ = (aᵢ − max a)/T ≤ 0, and the weighted terms, all in double lanes.
// </summary>
// <remarks>
// With S = Σ eᵢ, log pᵢ = uᵢ − log S, so H(p) = log S_p − Σ e_p,ᵢ u_p,ᵢ / S_p, H(p, q) = log S_q − Σ e_p,ᵢ u_q,ᵢ / S_p and
// KL(p‖q) = Σ e_p,ᵢ (u_p,ᵢ − u_q,ᵢ) / S_p + log(S_q / S_p). Every uᵢ ≤ 0 and S ≥ 1 (the largest logit contributes e⁰), so
// nothing overflows whatever the spread of the logits; an eᵢ that underflows (uᵢ &lt; −708) was below 1e-307 of S. KL is
// summed from the differences uₚ − u_q directly, so nearby distributions keep their small divergence (an absolute error
// of a few ulps of 1 + max |uₚ − u_q|). JSD needs mᵢ = (pᵢ + qᵢ)/2, so a third pass forms pᵢ and qᵢ in registers and
// applies <see cref="JensenShannonKernel.TwiceTerm{T}"/>; its terms are bounded by (pᵢ + qᵢ)·ln 2, so underflowed
// probabilities lose nothing visible. A −∞ logit is a masked class: pᵢ = 0 exactly, 0·log 0 = 0, and q = 0 &lt; p makes
// H(p, q) and KL(p‖q) +∞, decided from the logits themselves, not from an underflowed exponential.
// </remarks>
internal static class LogitKernels
{
    // From this many logits on, rows are cut into parts for several cores: 4096 logits a part at least.
    private const int PartitionedLength = PartitionedRun.Parts * 4096;

    // <summary>The measure of one row (or one vector) in nats, clamped into the range mathematics guarantees.</summary>
    // <param name="measure">What to compute.</param>
    // <param name="p">The logits of p.</param>
    // <param name="q">The logits of q, as long as <paramref name="p"/>; ignored for <see cref="LogitMeasure.Entropy"/>.</param>
    // <param name="inverseTemperature">1/T, finite and &gt; 0.</param>
    // <param name="pName">The caller's name for <paramref name="p"/>.</param>
    // <param name="qName">The caller's name for <paramref name="q"/>.</param>
    // <param name="row">The row index for messages, or −1 for a single vector.</param>
    // <param name="width">The lane width.</param>
    // <exception cref="ArgumentException">A logit is NaN or +∞, or every logit of a row is −∞.</exception>
    public static double Nats<TElement>(
        LogitMeasure measure, ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double inverseTemperature,
        string pName, string qName, int row, SimdWidth width)
        where TElement : unmanaged
    {
        if (typeof(TElement) == typeof(float) && measure == LogitMeasure.KullbackLeibler && width != SimdWidth.Scalar)
        {
            double single = SingleLogitKullbackLeibler.Nats(MemoryMarshal.Cast<TElement, float>(p), MemoryMarshal.Cast<TElement, float>(q), inverseTemperature, width);
            if (!double.IsNaN(single))
            {
                return single;
            }
        }

        double maxP = Max(p, pName, row, width);
        if (measure == LogitMeasure.Entropy)
        {
            var single = new SumPass<TElement, EntropyWeight>(p, p, maxP, maxP, inverseTemperature);
            LanePass.Run(ref single, width);
            return Math.Clamp(Math.Log(single.SumP) - (single.Weighted / single.SumP), 0.0, Math.Log(p.Length));
        }

        double maxQ = Max(q, qName, row, width);
        switch (measure)
        {
            case LogitMeasure.CrossEntropy:
                var cross = new SumPass<TElement, CrossWeight>(p, q, maxP, maxQ, inverseTemperature);
                LanePass.Run(ref cross, width);
                return cross.Missing ? double.PositiveInfinity : Math.Max(Math.Log(cross.SumQ) - (cross.Weighted / cross.SumP), 0.0);
            case LogitMeasure.KullbackLeibler:
                var kl = new SumPass<TElement, DifferenceWeight>(p, q, maxP, maxQ, inverseTemperature);
                LanePass.Run(ref kl, width);
                return kl.Missing ? double.PositiveInfinity : Math.Max((kl.Weighted / kl.SumP) + Math.Log(kl.SumQ / kl.SumP), 0.0);
            default:
                var sums = new SumPass<TElement, NoWeight>(p, q, maxP, maxQ, inverseTemperature);
                LanePass.Run(ref sums, width);
                var jsd = new JensenShannonPass<TElement>(p, q, maxP, maxQ, inverseTemperature, 1.0 / sums.SumP, 1.0 / sums.SumQ);
                LanePass.Run(ref jsd, width);
                return Math.Clamp(0.5 * jsd.TwiceDivergence, 0.0, Numerics.Ln2);
        }
    }

    // <summary>The names the messages use: a single-input measure passes its one span as both, under the name "logits".</summary>
    public static (string P, string Q) Names(LogitMeasure measure)
        => measure == LogitMeasure.Entropy ? ("logits", "logits") : ("logitsP", "logitsQ");

    // <summary>Writes the measure of every row of a row-major [rows, classes] block to <paramref name="destination"/>, divided by <paramref name="natsPerUnit"/>.</summary>
    // <remarks>
    // The caller has checked the shapes: both blocks hold destination.Length × classes logits. From
    // <see cref="PartitionedLength"/> logits on, the rows are cut into <see cref="PartitionedRun.Parts"/> parts run on up to
    // <paramref name="threads"/> threads; every row is computed alone, so the results never depend on the split, and the first
    // failing row's exception is the one thrown.
    // </remarks>
    // <exception cref="ArgumentException">A logit is NaN or +∞, or every logit of a row is −∞ (the message names the row).</exception>
    public static unsafe void Rows<TElement>(
        LogitMeasure measure, ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, int classes, Span<double> destination,
        double inverseTemperature, double natsPerUnit, SimdWidth width, int threads)
        where TElement : unmanaged
    {
        if (p.Length < PartitionedLength || destination.Length < PartitionedRun.Parts)
        {
            RowRange(measure, p, q, classes, destination, 0, inverseTemperature, natsPerUnit, width);
            return;
        }

        fixed (TElement* pp = p)
        fixed (TElement* qp = q)
        fixed (double* target = destination)
        {
            var state = new RowsState<TElement>
            {
                P = pp, Q = qp, Destination = target, Rows = destination.Length, Classes = classes, Measure = measure,
                InverseTemperature = inverseTemperature, NatsPerUnit = natsPerUnit, Width = width,
            };
            PartitionedRun.Run(&state, &RunRows<TElement>, threads);
        }
    }

    private static unsafe void RunRows<TElement>(void* state, int part)
        where TElement : unmanaged
    {
        ref var s = ref *(RowsState<TElement>*)state;
        int first = (int)((long)s.Rows * part / PartitionedRun.Parts);
        int end = (int)((long)s.Rows * (part + 1) / PartitionedRun.Parts);
        long offset = (long)first * s.Classes;
        int length = (end - first) * s.Classes;
        RowRange(
            s.Measure, new ReadOnlySpan<TElement>(s.P + offset, length), new ReadOnlySpan<TElement>(s.Q + offset, length), s.Classes,
            new Span<double>(s.Destination + first, end - first), first, s.InverseTemperature, s.NatsPerUnit, s.Width);
    }

    // Rows first, first + 1, … of the block, into their destination slots.
    private static void RowRange<TElement>(
        LogitMeasure measure, ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, int classes, Span<double> destination, int first,
        double inverseTemperature, double natsPerUnit, SimdWidth width)
        where TElement : unmanaged
    {
        (string pName, string qName) = Names(measure);
        for (int r = 0; r < destination.Length; r++)
        {
            ReadOnlySpan<TElement> rowP = p.Slice(r * classes, classes);
            ReadOnlySpan<TElement> rowQ = measure == LogitMeasure.Entropy ? rowP : q.Slice(r * classes, classes);
            destination[r] = Nats(measure, rowP, rowQ, inverseTemperature, pName, qName, first + r, width) / natsPerUnit;
        }
    }

    // <summary>The largest logit of a non-empty row, after checking that none is NaN or +∞ and that one is above −∞.</summary>
    private static double Max<TElement>(ReadOnlySpan<TElement> logits, string paramName, int row, SimdWidth width)
        where TElement : unmanaged
    {
        var pass = new MaxPass<TElement>(logits);
        LanePass.Run(ref pass, width);
        if (pass.Invalid)
        {
            for (int i = 0; i < logits.Length; i++)
            {
                Guard.Logit(Elements.Value(logits, i), paramName, row, i);
            }
        }

        if (double.IsNegativeInfinity(pass.Max))
        {
            Guard.ThrowNoPossibleClass(paramName, row);
        }

        return pass.Max;
    }

    // <summary>The factor an eₚ,ᵢ is multiplied by in the weighted sum of a measure.</summary>
    private interface IWeight
    {
        // <summary>Gets a value indicating whether the measure reads q (so its exponentials are summed and q = 0 &lt; p is flagged).</summary>
        static abstract bool Paired { get; }

        // <summary>The factor at the scaled, shifted logits uₚ and u_q.</summary>
        static abstract T Of<T>(T up, T uq)
            where T : struct, IVectorLanes<T>;
    }

    // <summary>uₚ: Σ eₚ uₚ / Sₚ = log Sₚ − H(p).</summary>
    private readonly struct EntropyWeight : IWeight
    {
        public static bool Paired => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Of<T>(T up, T uq)
            where T : struct, IVectorLanes<T>
            => up;
    }

    // <summary>u_q: Σ eₚ u_q / Sₚ = log S_q − H(p, q).</summary>
    private readonly struct CrossWeight : IWeight
    {
        public static bool Paired => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Of<T>(T up, T uq)
            where T : struct, IVectorLanes<T>
            => uq;
    }

    // <summary>uₚ − u_q: Σ eₚ (uₚ − u_q) / Sₚ = KL(p‖q) − log(S_q/Sₚ).</summary>
    private readonly struct DifferenceWeight : IWeight
    {
        public static bool Paired => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Of<T>(T up, T uq)
            where T : struct, IVectorLanes<T>
            => up - uq;
    }

    // <summary>No weighted sum: only Sₚ and S_q, the normalisers JSD needs.</summary>
    private readonly struct NoWeight : IWeight
    {
        public static bool Paired => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Of<T>(T up, T uq)
            where T : struct, IVectorLanes<T>
            => T.Zero;
    }

    // <summary>The first pass: the largest logit, and whether any is NaN or +∞.</summary>
    private ref struct MaxPass<TElement>(ReadOnlySpan<TElement> logits) : ILanePass
        where TElement : unmanaged
    {
        private readonly ReadOnlySpan<TElement> _logits = logits;

        // <summary>The largest logit seen (−∞ when every one is −∞).</summary>
        public double Max = double.NegativeInfinity;

        // <summary>Whether some logit is NaN or +∞.</summary>
        public bool Invalid;

        void ILanePass.Run<T>(ref int index)
        {
            ref TElement start = ref MemoryMarshal.GetReference(_logits);
            T infinity = T.Create(double.PositiveInfinity);
            T max = T.Create(double.NegativeInfinity);
            T valid = T.Create(BitConverter.Int64BitsToDouble(-1));
            int i = index;
            for (; i <= _logits.Length - T.Count; i += T.Count)
            {
                T z = Elements.Load<TElement, T>(ref start, i);

                // NaN fails every comparison, so this keeps "z below +∞" and drops NaN and +∞.
                valid &= T.LessThan(z, infinity);
                max = T.MaxNative(max, z);
            }

            index = i;
            Invalid |= T.AnyTrue(T.Select(valid, T.Zero, T.Create(1.0)));
            Max = Math.Max(Max, -T.MinLane(T.Zero - max));
        }
    }

    // <summary>The second pass: Sₚ, S_q (when paired), the weighted sum of <typeparamref name="TWeight"/>, and whether q = 0 &lt; p somewhere.</summary>
    private ref struct SumPass<TElement, TWeight>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double maxP, double maxQ, double inverseTemperature) : ILanePass
        where TElement : unmanaged
        where TWeight : struct, IWeight
    {
        private readonly ReadOnlySpan<TElement> _p = p;
        private readonly ReadOnlySpan<TElement> _q = q;

        // <summary>Sₚ = Σ exp(uₚ,ᵢ).</summary>
        public double SumP;

        // <summary>S_q = Σ exp(u_q,ᵢ); 0 unless paired.</summary>
        public double SumQ;

        // <summary>Σ eₚ,ᵢ·w(uₚ,ᵢ, u_q,ᵢ) over the i with eₚ,ᵢ &gt; 0.</summary>
        public double Weighted;

        // <summary>Whether some class has a finite logit in p and −∞ in q.</summary>
        public bool Missing;

        void ILanePass.Run<T>(ref int index)
        {
            ref TElement startP = ref MemoryMarshal.GetReference(_p);
            ref TElement startQ = ref MemoryMarshal.GetReference(_q);
            T zero = T.Zero;
            T negativeInfinity = T.Create(double.NegativeInfinity);
            T scale = T.Create(inverseTemperature);
            T shiftP = T.Create(maxP), shiftQ = T.Create(maxQ);
            T sumP = zero, sumQ = zero, weighted = zero, missing = zero;
            int i = index;
            for (; i <= _p.Length - T.Count; i += T.Count)
            {
                T zp = Elements.Load<TElement, T>(ref startP, i);
                T up = (zp - shiftP) * scale;
                T ep = Exp.OfNonPositive(up);
                sumP += ep;
                T uq = zero;
                if (TWeight.Paired)
                {
                    T zq = Elements.Load<TElement, T>(ref startQ, i);
                    uq = (zq - shiftQ) * scale;
                    sumQ += Exp.OfNonPositive(uq);
                    missing |= T.GreaterThan(zp, negativeInfinity) & T.EqualTo(zq, negativeInfinity);
                }

                // A masked class (eₚ = 0) adds nothing: its weight may be −∞ or NaN (−∞ − (−∞)), and 0·log 0 = 0.
                weighted += T.Select(T.EqualTo(ep, zero), zero, ep * TWeight.Of(up, uq));
            }

            index = i;
            SumP += T.SumLanes(sumP);
            SumQ += T.SumLanes(sumQ);
            Weighted += T.SumLanes(weighted);
            Missing |= T.AnyTrue(missing);
        }
    }

    // <summary>The third pass of JSD: pᵢ = eₚ,ᵢ/Sₚ and qᵢ = e_q,ᵢ/S_q in registers, and Σ pᵢ ln(pᵢ/mᵢ) + qᵢ ln(qᵢ/mᵢ).</summary>
    private ref struct JensenShannonPass<TElement>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double maxP, double maxQ, double inverseTemperature,
        double inverseSumP, double inverseSumQ) : ILanePass
        where TElement : unmanaged
    {
        private readonly ReadOnlySpan<TElement> _p = p;
        private readonly ReadOnlySpan<TElement> _q = q;

        // <summary>2·JSD in nats.</summary>
        public double TwiceDivergence;

        void ILanePass.Run<T>(ref int index)
        {
            ref TElement startP = ref MemoryMarshal.GetReference(_p);
            ref TElement startQ = ref MemoryMarshal.GetReference(_q);
            T scale = T.Create(inverseTemperature);
            T shiftP = T.Create(maxP), shiftQ = T.Create(maxQ);
            T normP = T.Create(inverseSumP), normQ = T.Create(inverseSumQ);
            T twice = T.Zero;
            int i = index;
            for (; i <= _p.Length - T.Count; i += T.Count)
            {
                T vp = Exp.OfNonPositive((Elements.Load<TElement, T>(ref startP, i) - shiftP) * scale) * normP;
                T vq = Exp.OfNonPositive((Elements.Load<TElement, T>(ref startQ, i) - shiftQ) * scale) * normQ;
                twice += JensenShannonKernel.TwiceTerm(vp, vq);
            }

            index = i;
            TwiceDivergence += T.SumLanes(twice);
        }
    }

    // <summary>What every part of a partitioned <see cref="Rows{TElement}"/> reads: the pinned blocks and the settings.</summary>
    private unsafe struct RowsState<TElement>
        where TElement : unmanaged
    {
        public TElement* P;
        public TElement* Q;
        public double* Destination;
        public int Rows;
        public int Classes;
        public LogitMeasure Measure;
        public double InverseTemperature;
        public double NatsPerUnit;
        public SimdWidth Width;
    }
}
