using System.Runtime.CompilerServices;

namespace InfoTheory.Internal;

// <summary>Conversion from nats, the unit every kernel computes in, to the caller's <see cref="LogBase"/>.</summary>
internal static class Units
{
    // <summary>ln(b) for the base of <paramref name="unit"/>; dividing a value in nats by it converts it.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double NatsPerUnit(LogBase unit, [CallerArgumentExpression(nameof(unit))] string? paramName = null) => unit switch
    {
        LogBase.Nats => 1.0,
        LogBase.Bits => Numerics.Ln2,
        LogBase.Hartleys => Numerics.Ln10,
        _ => throw Guard.Undefined(unit, paramName ?? nameof(unit)),
    };

    // <summary>Converts a value in nats to <paramref name="unit"/>.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double FromNats(double nats, LogBase unit, [CallerArgumentExpression(nameof(unit))] string? paramName = null)
        => unit == LogBase.Nats ? nats : nats / NatsPerUnit(unit, paramName);
}
