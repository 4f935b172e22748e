namespace InfoTheory.Demo.Figures;

/// <summary>One named series of values for a <see cref="LineChartFigure"/>, one value per epoch starting at epoch 1.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
