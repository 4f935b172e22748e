using System.Numerics;

namespace InfoTheory.Internal;

// <summary>The mathematical constants and elementary functions both packages share, each defined once.</summary>
internal static class Numerics
{
    // <summary>ln 2, the nats in one bit.</summary>
    public const double Ln2 = 0.69314718055994530941723212145818;

    // <summary>The high part of ln 2 in Cody and Waite's split ln 2 = <see cref="Ln2Hi"/> + <see cref="Ln2Lo"/> (fdlibm): its last 21 bits are zero, so k·Ln2Hi is exact for |k| &lt; 2000.</summary>
    public const double Ln2Hi = 6.93147180369123816490e-01;

    // <summary>The low part of ln 2 in the split <see cref="Ln2Hi"/> + <see cref="Ln2Lo"/>.</summary>
    public const double Ln2Lo = 1.90821492927058770002e-10;

    // <summary>ln 10, the nats in one hartley.</summary>
    public const double Ln10 = 2.3025850929940456840179914546844;

    // <summary>ln 2π, the normalising constant of a normal density per dimension.</summary>
    public const double LnTwoPi = 1.8378770664093454835606594728112;

    // <summary>ln π, in the volume of a Euclidean unit ball.</summary>
    public const double LnPi = 1.1447298858494001741434273513531;

    // <summary>
    // ln(1 + x) to full relative precision near 0. <c>T.LogP1</c> evaluates ln(1 + x) literally and returns 0 once
    // 1 + x rounds to 1; this uses Goldberg's correction ln(w)·x/(w − 1) with w = 1 + x ("What every computer scientist
    // should know about floating-point arithmetic", 1991, Theorem 4).
    // </summary>
    public static T Log1P<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        T w = T.One + x;
        return w == T.One ? x : T.Log(w) * x / (w - T.One);
    }
}
