using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

// <summary>
// Log-sum-exp, softmax and log-softmax along one axis, forward and backward, on
// <see cref="TensorPrimitives"/> (SIMD) spans.
// </summary>
// <remarks>
// <para>A tensor is seen as <c>outer</c> blocks of <c>n × inner</c> elements, the axis being the
// n rows of each block (<see cref="Shapes.Split"/>). When the axis is the last one (inner = 1)
// each line is contiguous and is vectorised along itself; otherwise the inner positions are
// vectorised together, one row of the axis at a time, which visits memory in order. Both paths
// add the terms of every sum in the order j = 0, 1, …, n − 1, so results are the same bits on
// every run and every thread count.</para>
// <para>Stability is the max shift: LSE(x) = m + ln Σⱼ exp(xⱼ − m) with m = maxⱼ xⱼ, so no
// exponential exceeds 1. A line whose maximum is ±∞ has LSE = m (−∞ for an empty or all −∞ line;
// +∞ if any element is +∞), and a line holding NaN gives NaN.</para>
// </remarks>
internal static class SoftmaxKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // <summary>lse[o·inner + i] = LSE over j of x[(o·n + j)·inner + i].</summary>
    public static void LogSumExp(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> lse)
    {
        if (inner == 1)
        {
            using var scratch = new Scratch<T>(n);
            for (int o = 0; o < outer; o++)
            {
                lse[o] = LineLogSumExp(x.Slice(o * n, n), scratch.Span);
            }

            return;
        }

        using var term = new Scratch<T>(inner);
        using var sum = new Scratch<T>(inner);
        for (int o = 0; o < outer; o++)
        {
            var row = lse.Slice(o * inner, inner);
            BlockShiftedExp(x.Slice(o * n * inner, n * inner), n, row, sum.Span, term.Span, keepRows: false);
            TensorPrimitives.Log(sum.Span, sum.Span);
            TensorPrimitives.Add(row, sum.Span, row);
        }
    }

    // <summary>y = softmax(x) (or log-softmax when <paramref name="log"/>) along the axis; y may not overlap x.</summary>
    public static void Softmax(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> y, bool log)
    {
        if (inner == 1)
        {
            using var scratch = new Scratch<T>(n);
            for (int o = 0; o < outer; o++)
            {
                LineSoftmax(x.Slice(o * n, n), y.Slice(o * n, n), log, scratch.Span);
            }

            return;
        }

        using var max = new Scratch<T>(inner);
        using var sum = new Scratch<T>(inner);
        for (int o = 0; o < outer; o++)
        {
            var xb = x.Slice(o * n * inner, n * inner);
            var yb = y.Slice(o * n * inner, n * inner);
            BlockShiftedExp(xb, n, max.Span, sum.Span, yb, keepRows: !log);
            if (log)
            {
                TensorPrimitives.Log(sum.Span, sum.Span);
            }

            for (int j = 0; j < n; j++)
            {
                var row = yb.Slice(j * inner, inner);
                if (log)
                {
                    // yⱼ = (xⱼ − m) − ln Σ, as on a contiguous line.
                    TensorPrimitives.Subtract(xb.Slice(j * inner, inner), max.Span, row);
                    TensorPrimitives.Subtract(row, sum.Span, row);
                }
                else
                {
                    TensorPrimitives.Divide(row, sum.Span, row);
                }
            }
        }
    }

    // <summary>dx += ∂L/∂x of y = LSE(x): dxⱼ += g · exp(xⱼ − y), g and y of shape [outer, inner].</summary>
    public static void LogSumExpBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> lse, ReadOnlySpan<T> g, int outer, int n, int inner, Span<T> dx)
    {
        using var term = new Scratch<T>(n * inner);
        var t = term.Span;
        for (int o = 0; o < outer; o++)
        {
            var xb = x.Slice(o * n * inner, n * inner);
            var db = dx.Slice(o * n * inner, n * inner);
            var lseRow = lse.Slice(o * inner, inner);
            var gRow = g.Slice(o * inner, inner);
            if (inner == 1)
            {
                TensorPrimitives.Subtract(xb, lseRow[0], t);
                TensorPrimitives.Exp(t, t);
                TensorPrimitives.MultiplyAdd(t, gRow[0], db, db);
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                var tRow = t.Slice(j * inner, inner);
                var dRow = db.Slice(j * inner, inner);
                TensorPrimitives.Subtract(xb.Slice(j * inner, inner), lseRow, tRow);
                TensorPrimitives.Exp(tRow, tRow);
                TensorPrimitives.MultiplyAdd(tRow, gRow, dRow, dRow);
            }
        }
    }

    // <summary>dx += ∂L/∂x of y = softmax(x): dxⱼ += yⱼ (gⱼ − Σₖ gₖ yₖ).</summary>
    public static void SoftmaxBackward(ReadOnlySpan<T> y, ReadOnlySpan<T> g, int outer, int n, int inner, Span<T> dx)
    {
        using var term = new Scratch<T>(n * inner);
        using var dot = new Scratch<T>(inner);
        var t = term.Span;
        for (int o = 0; o < outer; o++)
        {
            var yb = y.Slice(o * n * inner, n * inner);
            var gb = g.Slice(o * n * inner, n * inner);
            var db = dx.Slice(o * n * inner, n * inner);
            if (inner == 1)
            {
                TensorPrimitives.Subtract(gb, TensorPrimitives.Dot(gb, yb), t);
                TensorPrimitives.MultiplyAdd(yb, t, db, db);
                continue;
            }

            var d = dot.Span;
            d.Clear();
            for (int j = 0; j < n; j++)
            {
                TensorPrimitives.MultiplyAdd(gb.Slice(j * inner, inner), yb.Slice(j * inner, inner), d, d);
            }

            for (int j = 0; j < n; j++)
            {
                var tRow = t.Slice(j * inner, inner);
                var dRow = db.Slice(j * inner, inner);
                TensorPrimitives.Subtract(gb.Slice(j * inner, inner), d, tRow);
                TensorPrimitives.MultiplyAdd(yb.Slice(j * inner, inner), tRow, dRow, dRow);
            }
        }
    }

    // <summary>dx += ∂L/∂x of y = log-softmax(x): dxⱼ += gⱼ − exp(yⱼ) Σₖ gₖ.</summary>
    public static void LogSoftmaxBackward(ReadOnlySpan<T> y, ReadOnlySpan<T> g, int outer, int n, int inner, Span<T> dx)
    {
        using var term = new Scratch<T>(n * inner);
        using var total = new Scratch<T>(inner);
        var t = term.Span;
        for (int o = 0; o < outer; o++)
        {
            var yb = y.Slice(o * n * inner, n * inner);
            var gb = g.Slice(o * n * inner, n * inner);
            var db = dx.Slice(o * n * inner, n * inner);
            TensorPrimitives.Exp(yb, t);
            if (inner == 1)
            {
                TensorPrimitives.MultiplyAdd(t, -TensorPrimitives.Sum(gb), gb, t);
                TensorPrimitives.Add(db, t, db);
                continue;
            }

            // −Σₖ gₖ, accumulated row by row so each inner position sums in the order k = 0 … n − 1.
            var minus = total.Span;
            minus.Clear();
            for (int k = 0; k < n; k++)
            {
                TensorPrimitives.Subtract(minus, gb.Slice(k * inner, inner), minus);
            }

            for (int j = 0; j < n; j++)
            {
                var tRow = t.Slice(j * inner, inner);
                TensorPrimitives.MultiplyAdd(tRow, minus, gb.Slice(j * inner, inner), tRow);
            }

            TensorPrimitives.Add(db, t, db);
        }
    }

    // <summary>LSE of one contiguous line; <paramref name="scratch"/> holds at least its length.</summary>
    private static T LineLogSumExp(ReadOnlySpan<T> line, Span<T> scratch)
    {
        if (line.IsEmpty)
        {
            return T.NegativeInfinity;
        }

        T max = TensorPrimitives.Max(line);
        if (T.IsInfinity(max))
        {
            return max;
        }

        var t = scratch[..line.Length];
        TensorPrimitives.Subtract(line, max, t);
        TensorPrimitives.Exp(t, t);
        return max + T.Log(TensorPrimitives.Sum<T>(t));
    }

    // <summary>
    // Softmax of one contiguous line as exp(x − m) / Σ exp(x − m), PyTorch's definition with the max shift, or
    // log-softmax as (x − m) − ln Σ exp(x − m). Dividing by the sum, rather than subtracting a rounded LSE
    // inside the exponential, keeps the relative error of each probability at a few ulps even when |x| is large.
    // </summary>
    private static void LineSoftmax(ReadOnlySpan<T> line, Span<T> y, bool log, Span<T> scratch)
    {
        if (line.IsEmpty)
        {
            return;
        }

        T max = TensorPrimitives.Max(line);
        TensorPrimitives.Subtract(line, max, y);

        // A line whose maximum is ±∞ has LSE = m, so y = x − m (NaN where x = m: the definition has no limit there).
        bool infinite = T.IsInfinity(max);
        if (log)
        {
            if (!infinite)
            {
                var e = scratch[..line.Length];
                TensorPrimitives.Exp(y, e);
                TensorPrimitives.Subtract(y, T.Log(TensorPrimitives.Sum<T>(e)), y);
            }

            return;
        }

        TensorPrimitives.Exp(y, y);
        if (!infinite)
        {
            TensorPrimitives.Divide(y, TensorPrimitives.Sum<T>(y), y);
        }
    }

    // <summary>
    // For each inner position of one [n, inner] block: max = mⱼ the maximum over the rows, the rows
    // exp(xⱼ − m) (into <paramref name="exp"/> row j when <paramref name="keepRows"/>, else all into its first
    // [inner]) and sum = Σⱼ exp(xⱼ − m), added in the order j = 0 … n − 1. Where m is ±∞ the sum is set to 1,
    // so that m + ln sum = m is the LSE and exp(x − m) / sum = exp(x − m) the softmax, as the limits give.
    // An empty axis (n = 0) has m = −∞.
    // </summary>
    private static void BlockShiftedExp(ReadOnlySpan<T> block, int n, Span<T> max, Span<T> sum, Span<T> exp, bool keepRows)
    {
        int inner = max.Length;
        if (n == 0)
        {
            max.Fill(T.NegativeInfinity);
            sum.Fill(T.One);
            return;
        }

        block[..inner].CopyTo(max);
        for (int j = 1; j < n; j++)
        {
            TensorPrimitives.Max(max, block.Slice(j * inner, inner), max);
        }

        sum.Clear();
        for (int j = 0; j < n; j++)
        {
            var row = keepRows ? exp.Slice(j * inner, inner) : exp[..inner];
            TensorPrimitives.Subtract(block.Slice(j * inner, inner), max, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Add(sum, row, sum);
        }

        for (int i = 0; i < inner; i++)
        {
            if (T.IsInfinity(max[i]))
            {
                sum[i] = T.One;
            }
        }
    }
}
