namespace InfoTheory.Demo.Figures;

/// <summary>One named series of values: for a <see cref="LineChartFigure"/> one per epoch or step from 1, for a <see cref="BarChartFigure"/> one per bar.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
