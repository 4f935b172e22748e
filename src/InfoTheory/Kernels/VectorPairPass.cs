using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Kernels;

// <summary>
// Σ g(xᵢ, yᵢ) for an <see cref="IPairTerm{TSelf}"/> g over two vectors of any finite values (not probability vectors), in one pass
// that also learns what validating them needs: whether every entry is finite, and the smallest entry of each.
// </summary>
internal ref struct VectorPairPass<TTerm> : ILanePass
    where TTerm : struct, IPairTerm<TTerm>
{
    private readonly ReadOnlySpan<double> _x;
    private readonly ReadOnlySpan<double> _y;
    private Tally _tally;

    private VectorPairPass(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        _x = x;
        _y = y;
        _tally.MinX = double.PositiveInfinity;
        _tally.MinY = double.PositiveInfinity;
    }

    // <summary>
    // Returns Σ g(xᵢ, yᵢ) (+∞ when some term is +∞) for spans of equal length; <paramref name="finite"/> true says every
    // entry was finite (false says one may not be, and the sum may mean nothing), <paramref name="minX"/> and <paramref name="minY"/> are the
    // smallest entries, against which the caller checks g's domain.
    // </summary>
    // <remarks>
    // From <see cref="PartitionedRun.ShortestLength"/> elements on, the pass is cut into <see cref="PartitionedRun.Parts"/>
    // parts run on up to <paramref name="threads"/> threads and added in part order, so the result does not depend on the thread count.
    // </remarks>
    public static unsafe double Sum(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, SimdWidth width, out bool finite, out double minX, out double minY, int threads = 1)
    {
        Tally total;
        if (x.Length >= PartitionedRun.ShortestLength)
        {
            fixed (double* xp = x)
            fixed (double* yp = y)
            {
                total = PartitionedRun.Tally<Part, Tally>(new Part { X = xp, Y = yp, Width = width }, x.Length, threads);
            }
        }
        else
        {
            total = Run(x, y, width);
        }

        // Σ (xᵢ − yᵢ) is NaN or ±∞ if an entry is (∞ − ∞ and NaN give NaN, which no later term undoes); finite entries whose
        // differences overflow it only send the caller to check them one by one.
        finite = double.IsFinite(total.Poison);
        minX = total.MinX;
        minY = total.MinY;
        return total.Unbounded ? double.PositiveInfinity : total.Terms;
    }

    private static Tally Run(ReadOnlySpan<double> x, ReadOnlySpan<double> y, SimdWidth width)
    {
        var pass = new VectorPairPass<TTerm>(x, y);
        LanePass.Run(ref pass, width);
        return pass._tally;
    }

    void ILanePass.Run<T>(ref int index) => RunLanes<T>(_x, _y, ref index, ref _tally);

    // Never inlined, like Jensen–Shannon's loop (see there): the JIT compiles it once, on its own, for both call paths.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunLanes<T>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ref int index, ref Tally tally)
        where T : struct, IVectorLanes<T>
    {
        ref double startX = ref MemoryMarshal.GetReference(x);
        ref double startY = ref MemoryMarshal.GetReference(y);
        T zero = T.Zero;
        T minX = T.Create(double.PositiveInfinity), minY = minX, poison = zero, sum = zero, missing = zero;
        int i = index;
        for (; i <= x.Length - T.Count; i += T.Count)
        {
            T vx = T.Load(ref startX, i);
            T vy = T.Load(ref startY, i);
            poison += vx - vy;
            minX = T.MinNative(minX, vx);
            minY = T.MinNative(minY, vy);
            sum += TTerm.Of(vx, vy, ref missing);
        }

        index = i;
        tally.Terms += T.SumLanes(sum);
        tally.Poison += T.SumLanes(poison);
        tally.MinX = Math.Min(tally.MinX, T.MinLane(minX));
        tally.MinY = Math.Min(tally.MinY, T.MinLane(minY));
        tally.Unbounded |= T.AnyTrue(missing);
    }

    // <summary>What a pass, or one part of it, adds up.</summary>
    private struct Tally : PartitionedRun.ITally<Tally>
    {
        public double Terms;
        public double Poison;
        public double MinX;
        public double MinY;
        public bool Unbounded;

        // <summary>Adds the tally of a later part.</summary>
        public void Add(in Tally later)
        {
            Terms += later.Terms;
            Poison += later.Poison;
            MinX = Math.Min(MinX, later.MinX);
            MinY = Math.Min(MinY, later.MinY);
            Unbounded |= later.Unbounded;
        }
    }

    // <summary>One part of a partitioned pass: the pinned spans and the width.</summary>
    private unsafe struct Part : PartitionedRun.IPart<Tally>
    {
        public double* X;
        public double* Y;
        public SimdWidth Width;

        // <summary>The tally of [start, end).</summary>
        public readonly Tally Run(int start, int end)
            => VectorPairPass<TTerm>.Run(new ReadOnlySpan<double>(X + start, end - start), new ReadOnlySpan<double>(Y + start, end - start), Width);
    }
}
