using System.Numerics;
using System.Runtime.Intrinsics;

namespace InfoTheory.Variational.Optim;

// <summary>The fused Adam/AdamW update: one SIMD pass reads θ, g, m, v and writes θ, m, v.</summary>
internal static class AdamKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // <summary>
    // m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − stepSize·m / (√v·invSqrtBias2 + ε), with
    // g = ∇ + l2·θ (Adam's coupled decay) and θ first scaled by (1 − decoupled) (AdamW).
    // </summary>
    public static void Update(Span<T> theta, ReadOnlySpan<T> grad, Span<T> m, Span<T> v,
                              T beta1, T beta2, T stepSize, T invSqrtBias2, T epsilon, T l2, T decoupled)
    {
        T oneMinusB1 = T.One - beta1, oneMinusB2 = T.One - beta2, keep = T.One - decoupled;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var vb1 = Vector256.Create(beta1);
            var vb2 = Vector256.Create(beta2);
            var v1b1 = Vector256.Create(oneMinusB1);
            var v1b2 = Vector256.Create(oneMinusB2);
            var vStep = Vector256.Create(stepSize);
            var vInv = Vector256.Create(invSqrtBias2);
            var vEps = Vector256.Create(epsilon);
            var vL2 = Vector256.Create(l2);
            var vKeep = Vector256.Create(keep);
            for (; i <= theta.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var p = Vector256.Create<T>(theta[i..]);
                var g = Vector256.Create<T>(grad[i..]) + (vL2 * p);
                var mi = (vb1 * Vector256.Create<T>(m[i..])) + (v1b1 * g);
                var vi = (vb2 * Vector256.Create<T>(v[i..])) + (v1b2 * g * g);
                p = (vKeep * p) - (vStep * mi / ((Vector256.Sqrt(vi) * vInv) + vEps));
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                p.CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            T p = theta[i];
            T g = grad[i] + (l2 * p);
            T mi = (beta1 * m[i]) + (oneMinusB1 * g);
            T vi = (beta2 * v[i]) + (oneMinusB2 * g * g);
            m[i] = mi;
            v[i] = vi;
            theta[i] = (keep * p) - (stepSize * mi / ((T.Sqrt(vi) * invSqrtBias2) + epsilon));
        }
    }
}
