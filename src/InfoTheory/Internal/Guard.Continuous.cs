using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Internal;

// <summary>Input rules for densities, point sets and neighbour searches (the continuous estimators).</summary>
internal static partial class Guard
{
    // <summary>Throws unless <paramref name="dimension"/> is at least 1.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is 0 or negative.</exception>
    public static void Dimension(int dimension, string paramName)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, dimension, $"{paramName} is {dimension}; a dimension must be >= 1.");
        }
    }

    // <summary>
    // Returns the dimension a caller's <see cref="Continuous.IDensity"/> reports, checked: at least 1, and small enough that
    // <paramref name="batch"/> points of it fit in one buffer.
    // </summary>
    // <exception cref="ArgumentException">The dimension is below 1.</exception>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="batch"/> points of that dimension exceed <see cref="int.MaxValue"/> values.</exception>
    public static int DensityDimension(Continuous.IDensity density, int batch, string paramName)
    {
        int dimension = density.Dimension;
        if (dimension < 1)
        {
            throw new ArgumentException(
                $"{paramName}.Dimension is {dimension}; a density on ℝᵈ must report d >= 1.", paramName);
        }

        ElementCount(paramName, $"{batch} points × {paramName}.Dimension", batch, dimension);
        return dimension;
    }

    // <summary>Throws unless a single point has exactly <paramref name="dimension"/> coordinates.</summary>
    // <exception cref="ArgumentException"><paramref name="length"/> differs from <paramref name="dimension"/>.</exception>
    public static void PointLength(int length, int dimension, string paramName)
    {
        if (length != dimension)
        {
            throw new ArgumentException(
                $"{paramName} has length {length}; a point of this density must have {dimension} coordinates.", paramName);
        }
    }

    // <summary>
    // Throws unless a flat row-major buffer of <paramref name="length"/> values holds whole points of
    // <paramref name="dimension"/> coordinates, and returns how many.
    // </summary>
    // <exception cref="ArgumentException"><paramref name="length"/> is not a multiple of <paramref name="dimension"/>.</exception>
    public static int PointCount(int length, int dimension, string paramName)
    {
        if (length % dimension != 0)
        {
            throw new ArgumentException(
                $"{paramName} has length {length}, which is not a multiple of the dimension {dimension}; points are stored row by row.",
                paramName);
        }

        return length / dimension;
    }

    // <summary>Throws unless every value is finite and &gt; 0; the message names the first bad index.</summary>
    // <exception cref="ArgumentException">An entry is zero, negative, NaN or infinite.</exception>
    public static void AllPositive(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0) || double.IsPositiveInfinity(values[i]))
            {
                throw new ArgumentException($"{paramName}[{i}] is {Format(values[i])}; values must be finite and > 0.", paramName);
            }
        }
    }

    // <summary>
    // Throws unless <paramref name="matrix"/> is a finite, symmetric <paramref name="size"/> × <paramref name="size"/> matrix.
    // Symmetry is checked to 1e-10 of the largest entry, so a matrix computed as A·Aᵀ in floating point passes.
    // </summary>
    // <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    // <exception cref="ArgumentException">The shape is wrong, an entry is not finite, or the matrix is not symmetric.</exception>
    public static void SymmetricMatrix(double[,] matrix, int size, string paramName)
    {
        ArgumentNullException.ThrowIfNull(matrix, paramName);
        if (matrix.GetLength(0) != size || matrix.GetLength(1) != size)
        {
            throw new ArgumentException(
                $"{paramName} is {matrix.GetLength(0)} × {matrix.GetLength(1)}; expected {size} × {size}.", paramName);
        }

        double largest = 0;
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                double v = matrix[i, j];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"{paramName}[{i},{j}] is {Format(v)}; entries must be finite.", paramName);
                }

                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        double tolerance = 1e-10 * largest;
        for (int i = 0; i < size; i++)
        {
            for (int j = i + 1; j < size; j++)
            {
                if (Math.Abs(matrix[i, j] - matrix[j, i]) > tolerance)
                {
                    throw new ArgumentException(
                        $"{paramName}[{i},{j}] is {Format(matrix[i, j])} but {paramName}[{j},{i}] is {Format(matrix[j, i])}; the matrix must be symmetric.",
                        paramName);
                }
            }
        }
    }

    // <summary>Throws unless a point set has at least one column and every coordinate is finite.</summary>
    // <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    // <exception cref="ArgumentException">No columns, or a coordinate is NaN or infinite (the message names row and column).</exception>
    public static void Samples(double[,] samples, string paramName)
    {
        ArgumentNullException.ThrowIfNull(samples, paramName);
        if (samples.GetLength(1) == 0)
        {
            throw new ArgumentException($"{paramName} has 0 columns; points need a dimension >= 1.", paramName);
        }

        for (int i = 0; i < samples.GetLength(0); i++)
        {
            for (int j = 0; j < samples.GetLength(1); j++)
            {
                if (!double.IsFinite(samples[i, j]))
                {
                    throw new ArgumentException(
                        $"{paramName}[{i},{j}] is {Format(samples[i, j])}; sample coordinates must be finite.", paramName);
                }
            }
        }
    }

    // <summary>Throws unless a flat row-major point set of the given dimension is whole and finite, and returns its row count.</summary>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1.</exception>
    // <exception cref="ArgumentException">The length is not a multiple of the dimension, or a coordinate is NaN or infinite.</exception>
    public static int Samples(ReadOnlySpan<double> samples, int dimension, string paramName, string dimensionName)
    {
        Dimension(dimension, dimensionName);
        int rows = PointCount(samples.Length, dimension, paramName);
        FiniteCoordinates(samples, dimension, paramName);
        return rows;
    }

    // <summary>
    // Throws when a coordinate of a flat row-major batch of points is NaN or infinite; the message names row and column.
    // With <paramref name="row"/> &gt;= 0 only that point is scanned.
    // </summary>
    // <remarks>
    // The densities call it, for one row, only after that point's log-density came out non-finite: a non-finite coordinate
    // always makes one, so a finite answer pays for no scan and an underflow to −∞ for one point's worth.
    // </remarks>
    // <exception cref="ArgumentException">A coordinate is NaN or infinite.</exception>
    public static void FiniteCoordinates(ReadOnlySpan<double> points, int dimension, string paramName, int row = -1)
    {
        int start = row < 0 ? 0 : row * dimension;
        int end = row < 0 ? points.Length : start + dimension;
        for (int k = start; k < end; k++)
        {
            if (!double.IsFinite(points[k]))
            {
                throw new ArgumentException(
                    $"{paramName}[{k / dimension},{k % dimension}] (flat index {k}) is {Format(points[k])}; coordinates must be finite.",
                    paramName);
            }
        }
    }

    // <summary>Throws unless two paired point sets have the same number of rows.</summary>
    // <exception cref="ArgumentException">The row counts differ.</exception>
    public static void SameRows(int rows, int otherRows, string paramName, string otherName)
    {
        if (rows != otherRows)
        {
            throw new ArgumentException(
                $"{paramName} has {rows} rows but {otherName} has {otherRows}; paired samples must have the same number of rows.",
                otherName);
        }
    }

    // <summary>Throws unless the neighbour order <paramref name="k"/> satisfies 1 ≤ k ≤ <paramref name="available"/>.</summary>
    // <remarks><paramref name="available"/> is how many other points a query can see: n − 1 within one set, m across sets.</remarks>
    // <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1 or above <paramref name="available"/>.</exception>
    public static void NeighborOrder(int k, int available, string paramName, string setName)
    {
        if (k < 1 || k > available)
        {
            throw new ArgumentOutOfRangeException(
                paramName, k, $"{paramName} is {k}; it must lie in [1, {available}] because {setName} offers {available} neighbours per point.");
        }
    }

    // <summary>Throws unless two densities or point sets live in the same dimension.</summary>
    // <exception cref="ArgumentException">The dimensions differ; the exception names <paramref name="otherName"/>.</exception>
    public static void SameDimension(int dimension, int otherDimension, string paramName, string otherName)
    {
        if (dimension != otherDimension)
        {
            throw new ArgumentException(
                $"{paramName} has dimension {dimension} but {otherName} has dimension {otherDimension}; they must match.", otherName);
        }
    }

    // <summary>Throws unless a flat batch of points fills a destination of one value per point exactly.</summary>
    // <exception cref="ArgumentException"><paramref name="pointsLength"/> is not <paramref name="destinationLength"/> × <paramref name="dimension"/>.</exception>
    public static void BatchShape(int pointsLength, int destinationLength, int dimension, string paramName)
    {
        if (pointsLength != (long)destinationLength * dimension)
        {
            throw new ArgumentException(
                $"{paramName} has length {pointsLength} but the destination holds {destinationLength} results; {destinationLength} points of dimension {dimension} need {(long)destinationLength * dimension} values.",
                paramName);
        }
    }

    // <summary>
    // Throws when a kNN estimator would meet a zero neighbour distance in <paramref name="points"/>: some row
    // coincides exactly with <paramref name="k"/> or more other rows, so its k-th nearest neighbour is at distance 0.
    // Found in O(N log N) before any neighbour search.
    // </summary>
    // <param name="points">The rows, flat row-major, exactly as the neighbour search will see them.</param>
    // <param name="dimension">The coordinates per row.</param>
    // <param name="k">The neighbour order.</param>
    // <param name="paramName">The caller's parameter these rows came from.</param>
    // <param name="space">Where the distance is measured, for the message (for example "the joint (x, y) space").</param>
    // <exception cref="ArgumentException">A row coincides with <paramref name="k"/> or more other rows.</exception>
    public static void Untied(double[] points, int dimension, int k, string paramName, string space)
        => Untied(Coincidence.Count(points, [], dimension, k), k, paramName, space, null);

    // <summary>
    // As <see cref="Untied(double[], int, int, string, string)"/> for a subset of the caller's rows: row r of
    // <paramref name="points"/> is the caller's row <paramref name="rowNumbers"/>[r], which is the row the message names.
    // </summary>
    // <exception cref="ArgumentException">A row coincides with <paramref name="k"/> or more other rows of the subset.</exception>
    public static void Untied(double[] points, int dimension, int k, string paramName, string space, int[] rowNumbers)
        => Untied(Coincidence.Count(points, [], dimension, k), k, paramName, space, rowNumbers);

    // <summary>
    // Throws unless some label occurs at least twice: a row whose label occurs once has no neighbour of its own label.
    // <paramref name="description"/> is how the message calls the labels (the parameter, or a column of it).
    // </summary>
    // <exception cref="ArgumentException">Every one of the <paramref name="rows"/> labels is distinct.</exception>
    public static void RepeatedLabel(int repeatedRows, int rows, string paramName, string description)
    {
        if (repeatedRows == 0)
        {
            throw new ArgumentException(
                $"each of the {rows} labels of {description} occurs once; the estimate needs a label shared by at least two rows "
                + "(rows whose label occurs once are left out, as scikit-learn does).",
                paramName);
        }
    }

    // <summary>
    // Throws as <see cref="Untied(double[], int, int, string, string)"/> for <paramref name="x"/>, and also when a row of
    // <paramref name="x"/> coincides with any row of <paramref name="y"/>: independent samples of continuous
    // distributions never share a point, and a shared point is a neighbour at distance 0 that the estimator
    // would count as a draw from the other distribution.
    // </summary>
    // <exception cref="ArgumentException">A row of x is repeated k or more times (names "x"), or a row of x is also a row of y (names "y").</exception>
    public static void Untied(double[] x, double[] y, int dimension, int k)
    {
        var census = Coincidence.Count(x, y, dimension, k);
        Untied(census, k, nameof(x), "the sample space", null);
        if (census.Shared > 0)
        {
            throw new ArgumentException(
                $"{census.Shared} of the {census.Rows} rows of x coincide exactly with a row of y (x row {census.SharedExample} = y row {census.SharedPartner}); "
                + "samples drawn independently from continuous P and Q never share a point, and a shared point sits at distance 0 "
                + "from its own copy in y (for y = x the estimate would be negative). Pass disjoint samples; "
                + $"for discrete or rounded data {TiedDataAdvice}",
                nameof(y));
        }
    }

    // <summary>Throws unless the coordinates stayed finite after jitter of standard deviation <paramref name="jitter"/> was added.</summary>
    // <exception cref="ArgumentException"><paramref name="finite"/> is false.</exception>
    public static void JitteredFinite(bool finite, double jitter, string paramName)
    {
        if (!finite)
        {
            throw new ArgumentException(
                $"KnnOptions.Jitter is {Format(jitter)}: noise that large takes coordinates past ±1.8e308. Jitter is meant to be about "
                + "the recording precision of the data, far below its spread.",
                paramName);
        }
    }

    // <summary>Throws unless a per-column flag span is empty (no column flagged) or has one flag per column.</summary>
    // <exception cref="ArgumentException">The length is neither 0 nor <paramref name="columns"/>.</exception>
    public static void ColumnFlags(int length, int columns, string paramName)
    {
        if (length != 0 && length != columns)
        {
            throw new ArgumentException(
                $"{paramName} has length {length} but there are {columns} columns; pass one flag per column, or none for all false.",
                paramName);
        }
    }

    // <summary>Throws unless a point set standardised by the column statistics of another set stayed finite.</summary>
    // <exception cref="ArgumentException"><paramref name="finite"/> is false; names <paramref name="paramName"/>.</exception>
    public static void StandardizedAgainst(bool finite, string paramName, string referenceName)
    {
        if (!finite)
        {
            throw new ArgumentException(
                $"{paramName} standardised by the column means and deviations of {referenceName} exceeds ±1.8e308: its points lie that many "
                + $"standard deviations of {referenceName} away. Turn off KnnOptions.Standardize (the estimate does not need it to be finite).",
                paramName);
        }
    }

    private const string TiedDataAdvice =
        "use a plug-in estimator on the values as labels (discrete data), Knn.MixtureMutualInformation, the estimator of "
        + "Gao, Kannan, Oh & Viswanath (2017) that accepts repeated values (data mixing atoms such as zero-inflated counts, "
        + "rounded values or category codes with continuous values), or set KnnOptions.Jitter to break the ties of continuous data "
        + "recorded with limited precision with reproducible noise below that precision.";

    private static void Untied(CoincidenceCensus census, int k, string paramName, string space, int[]? rowNumbers)
    {
        if (census.Crowded > 0)
        {
            int example = rowNumbers is null ? census.CrowdedExample : rowNumbers[census.CrowdedExample];
            throw new ArgumentException(
                $"{census.Crowded} of the {census.Rows} rows of {paramName} coincide exactly with {k} or more other rows in {space} "
                + $"(the largest group has {census.LargestGroup} identical rows; row {example} is one of the tied rows), "
                + $"so they are at distance 0 from their k-th nearest neighbour (k = {k}; repeated points) and the kNN estimate is undefined. "
                + $"kNN estimators assume continuous data: {TiedDataAdvice}",
                paramName);
        }
    }
}
