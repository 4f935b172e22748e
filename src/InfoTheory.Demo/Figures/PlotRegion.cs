namespace InfoTheory.Demo.Figures;

/// <summary>The rectangle of the plane a 2-D density is drawn over, and how many grid cells per side.</summary>
internal readonly record struct PlotRegion(double XMin, double XMax, double YMin, double YMax, int Resolution = 200)
{
    /// <summary>The x coordinate of the centre of grid column <paramref name="column"/>.</summary>
    public double X(int column) => XMin + ((column + 0.5) * (XMax - XMin) / Resolution);

    /// <summary>The y coordinate of the centre of grid row <paramref name="row"/>, counted upwards from <see cref="YMin"/>.</summary>
    public double Y(int row) => YMin + ((row + 0.5) * (YMax - YMin) / Resolution);
}
