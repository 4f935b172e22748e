using System.Numerics.Tensors;
using InfoTheory.Internal;

namespace InfoTheory.Selection;

// <summary>
// Features and a target as dense codes, with what every plug-in information term between them is made of: the
// marginal Σ c·ln c of each, and c·ln c for every count from 0 to N as a lookup.
// </summary>
// <remarks>
// Every term is I(R;C) = ln N + (Σ c_rc ln c_rc − Σ c_r ln c_r − Σ c_c ln c_c)/N over one table of cells
// r·w + c, counted from a·(width) + b: for I(Xₖ;Xⱼ) the rows are Xₖ and the columns Xⱼ; for I(Xₖ,Xⱼ;Y) the partner b is
// Xⱼ·|Y| + Y, so the rows are the pairs (Xₖ, Xⱼ) and the columns Y. Immutable once built; each thread brings its own
// <see cref="CountScratch"/>.
// </remarks>
internal sealed class CodedFeatures
{
    private readonly int[][] _codes;
    private readonly int[] _levels;
    private readonly double[] _marginal;
    private readonly double[] _cLogC;
    private readonly double _logN;

    // <summary>Takes dense codes (feature j in [0, <paramref name="levels"/>[j]), the target in [0, <paramref name="targetLevels"/>)).</summary>
    public CodedFeatures(int[][] codes, int[] levels, int[] target, int targetLevels)
    {
        _codes = codes;
        _levels = levels;
        Target = target;
        TargetLevels = targetLevels;
        int n = target.Length;
        _logN = Math.Log(n);
        _cLogC = LabelCounting.CLogCTable(n);

        _marginal = new double[codes.Length];
        for (int j = 0; j < codes.Length; j++)
        {
            _marginal[j] = LabelCounting.SumCLogCOfCodes(codes[j], levels[j], out _);
        }

        TargetSum = LabelCounting.SumCLogCOfCodes(target, targetLevels, out _);
    }

    // <summary>The target's codes.</summary>
    public int[] Target { get; }

    // <summary>The number of target codes.</summary>
    public int TargetLevels { get; }

    // <summary>Σ c·ln c over the target's counts.</summary>
    public double TargetSum { get; }

    // <summary>N, the number of rows.</summary>
    public int Rows => Target.Length;

    // <summary>I(Xₖ;Y) in nats, ≥ 0.</summary>
    public double Relevance(int k, CountScratch scratch)
        => Information(_codes[k], _levels[k], Target, TargetLevels, TargetLevels, TargetSum, scratch);

    // <summary>I(Xₖ;Xⱼ) in nats, ≥ 0.</summary>
    public double Redundancy(int k, int j, CountScratch scratch)
        => Information(_codes[k], _levels[k], _codes[j], _levels[j], _levels[j], _marginal[j], scratch);

    // <summary>I(Xₖ,Xⱼ;Y) in nats, ≥ 0, given Xⱼ's <see cref="WithTarget"/> codes.</summary>
    public double JointRelevance(int k, ReadOnlySpan<int> partnerWithTarget, int partnerLevels, CountScratch scratch)
        => Information(_codes[k], _levels[k], partnerWithTarget, partnerLevels * TargetLevels, TargetLevels, TargetSum, scratch);

    // <summary>The codes Xⱼ·|Y| + Y of the pairs (Xⱼ, Y), in [0, levels·|Y|), into <paramref name="destination"/>.</summary>
    public void WithTarget(int j, Span<int> destination) => TensorPrimitives.MultiplyAdd(_codes[j], TargetLevels, Target, destination);

    // <summary>The number of codes of feature <paramref name="j"/>.</summary>
    public int Levels(int j) => _levels[j];

    // <summary>
    // I(R;C) in nats for the cells a·<paramref name="width"/> + b, whose rows are cell / <paramref name="columns"/>,
    // columns cell mod <paramref name="columns"/>, and <paramref name="columnSum"/> Σ c ln c over the columns' counts.
    // </summary>
    private double Information(
        ReadOnlySpan<int> a, int aLevels, ReadOnlySpan<int> b, int width, int columns, double columnSum, CountScratch scratch)
    {
        long cells = (long)aLevels * width;
        (double cellSum, double rowSum) = cells <= LabelCounting.DenseLimit(Rows)
            ? DenseSums(a, b, width, (int)cells, columns, scratch)
            : SortedSums(a, b, width, columns, scratch);
        return Math.Max(_logN + ((cellSum - rowSum - columnSum) / Rows), 0.0);
    }

    private (double Cells, double Rows) DenseSums(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int width, int cells, int columns, CountScratch scratch)
    {
        Span<int> combined = scratch.Combined(Rows);
        TensorPrimitives.MultiplyAdd(a, width, b, combined);
        Span<int> table = scratch.Table(cells);
        table.Clear();
        LabelCounting.Histogram(combined, 0, table);
        double cellSum = 0, rowSum = 0;
        for (int start = 0; start < cells; start += columns)
        {
            int row = 0;
            foreach (int c in table.Slice(start, columns))
            {
                cellSum += _cLogC[c];
                row += c;
            }

            rowSum += _cLogC[row];
        }

        return (cellSum, rowSum);
    }

    // Too many cells for a table (features with many codes): sort the cell keys; a row's cells are then adjacent.
    private (double Cells, double Rows) SortedSums(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int width, int columns, CountScratch scratch)
    {
        Span<long> keys = scratch.Keys(Rows);
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)a[i] * width) + b[i];
        }

        keys.Sort();
        double cellSum = 0, rowSum = 0;
        int cellStart = 0, rowStart = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[cellStart])
            {
                cellSum += _cLogC[i - cellStart];
                cellStart = i;
            }

            if (i == keys.Length || keys[i] / columns != keys[rowStart] / columns)
            {
                rowSum += _cLogC[i - rowStart];
                rowStart = i;
            }
        }

        return (cellSum, rowSum);
    }
}
