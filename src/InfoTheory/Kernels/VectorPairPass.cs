using System.Runtime.InteropServices;

namespace InfoTheory.Kernels;

/// <summary>
/// Σ g(xᵢ, yᵢ) for an <see cref="IPairTerm{TSelf}"/> g over two vectors of any finite values (not probability vectors), in one pass
/// that also learns what validating them needs: whether every entry is finite, and the smallest entry of each.
/// </summary>
internal ref struct VectorPairPass<TTerm> : ILanePass
    where TTerm : struct, IPairTerm<TTerm>
{
    private readonly ReadOnlySpan<double> _x;
    private readonly ReadOnlySpan<double> _y;
    private double _terms;
    private double _poison;
    private double _minX;
    private double _minY;
    private bool _unbounded;

    private VectorPairPass(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        _x = x;
        _y = y;
        _minX = double.PositiveInfinity;
        _minY = double.PositiveInfinity;
    }

    /// <summary>
    /// Returns Σ g(xᵢ, yᵢ) (+∞ when some term is +∞) for spans of equal length; <paramref name="finite"/> says whether every
    /// entry was finite (the sum means nothing otherwise), <paramref name="minX"/> and <paramref name="minY"/> are the
    /// smallest entries, against which the caller checks g's domain.
    /// </summary>
    public static double Sum(ReadOnlySpan<double> x, ReadOnlySpan<double> y, SimdWidth width, out bool finite, out double minX, out double minY)
    {
        var pass = new VectorPairPass<TTerm>(x, y);
        LanePass.Run(ref pass, width);

        // Σ (xᵢ·0 + yᵢ·0) is 0 unless an entry is NaN or ±∞, which make it NaN whatever the others are.
        finite = pass._poison == 0;
        minX = pass._minX;
        minY = pass._minY;
        return pass._unbounded ? double.PositiveInfinity : pass._terms;
    }

    void ILanePass.Run<T>(ref int index)
    {
        ref double startX = ref MemoryMarshal.GetReference(_x);
        ref double startY = ref MemoryMarshal.GetReference(_y);
        T zero = T.Zero;
        T minX = T.Create(double.PositiveInfinity), minY = minX, poison = zero, sum = zero, missing = zero;
        int i = index;
        for (; i <= _x.Length - T.Count; i += T.Count)
        {
            T vx = T.Load(ref startX, i);
            T vy = T.Load(ref startY, i);
            poison += (vx * zero) + (vy * zero);
            minX = T.MinNative(minX, vx);
            minY = T.MinNative(minY, vy);
            sum += TTerm.Of(vx, vy, ref missing);
        }

        index = i;
        _terms += T.SumLanes(sum);
        _poison += T.SumLanes(poison);
        _minX = Math.Min(_minX, T.MinLane(minX));
        _minY = Math.Min(_minY, T.MinLane(minY));
        _unbounded |= T.AnyTrue(missing);
    }
}
