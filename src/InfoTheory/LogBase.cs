namespace InfoTheory;

/// <summary>The base of the logarithm a measure is reported in.</summary>
/// <remarks>
/// Every measure in this library computes in natural logarithms and converts once at the end,
/// so the choice of unit never changes accuracy.
/// </remarks>
public enum LogBase
{
    /// <summary>Natural logarithm (base e); the result is in nats. The default everywhere.</summary>
    Nats = 0,

    /// <summary>Base-2 logarithm; the result is in bits (shannons).</summary>
    Bits = 1,

    /// <summary>Base-10 logarithm; the result is in hartleys (bans, dits).</summary>
    Hartleys = 2,
}
