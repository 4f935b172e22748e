namespace InfoTheory;

/// <summary>An interval that covers the estimated quantity with a stated probability.</summary>
/// <param name="Lower">The lower end, in the unit of the estimate.</param>
/// <param name="Upper">The upper end, ≥ <paramref name="Lower"/>.</param>
/// <param name="Level">The nominal coverage, in (0, 1), e.g. 0.95.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level);
