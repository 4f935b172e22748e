using System.Numerics;

namespace InfoTheory.Variational.Autodiff;

/// <summary>Scalar functions whose library versions are not accurate enough.</summary>
internal static class ScalarMath
{
    /// <summary>
    /// ln(1 + u) to full relative precision for small u. <c>T.LogP1</c> evaluates ln(1 + u)
    /// literally and returns 0 once 1 + u rounds to 1; this uses Goldberg's correction
    /// ln(w)·u/(w − 1) with w = 1 + u ("What every computer scientist should know about
    /// floating-point arithmetic", 1991, Theorem 4).
    /// </summary>
    public static T Log1P<T>(T u)
        where T : IFloatingPointIeee754<T>
    {
        T w = T.One + u;
        return w == T.One ? u : T.Log(w) * u / (w - T.One);
    }
}
