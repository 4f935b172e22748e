namespace InfoTheory.Variational.Autodiff;

// <summary>
// Walks an output shape in contiguous innermost runs, tracking where each run starts in two
// broadcast operands.
// </summary>
// <remarks>
// Axes of extent 1 are dropped and neighbouring axes that are laid out alike in both operands
// are merged (NumPy's coalescing), so a same-shape or bias-row broadcast becomes one or a few
// long runs that SIMD kernels handle whole. Within a run an operand's stride is 1 (it varies) or
// 0 (it is broadcast).
// </remarks>
internal struct BroadcastWalk
{
    private RankBuffer _size;
    private RankBuffer _strideA;
    private RankBuffer _strideB;
    private RankBuffer _index;
    private readonly int _outerRank;
    private int _remaining;
    private bool _started;

    // <summary>Plans a walk over <paramref name="output"/> with operands of shapes <paramref name="a"/> and <paramref name="b"/> (each broadcastable to it).</summary>
    public BroadcastWalk(ReadOnlySpan<int> output, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = output.Length;
        int accA = 1, accB = 1, kept = 0;
        long total = 1;
        Span<int> size = stackalloc int[Shapes.MaxRank];
        Span<int> sa = stackalloc int[Shapes.MaxRank];
        Span<int> sb = stackalloc int[Shapes.MaxRank];
        for (int d = rank - 1; d >= 0; d--)
        {
            int da = d - (rank - a.Length) >= 0 ? a[d - (rank - a.Length)] : 1;
            int db = d - (rank - b.Length) >= 0 ? b[d - (rank - b.Length)] : 1;
            size[d] = output[d];
            sa[d] = da == 1 ? 0 : accA;
            sb[d] = db == 1 ? 0 : accB;
            accA *= da;
            accB *= db;
            total *= output[d];
        }

        for (int d = 0; d < rank; d++)
        {
            if (size[d] == 1)
            {
                continue;
            }

            if (kept > 0 && _strideA[kept - 1] == sa[d] * size[d] && _strideB[kept - 1] == sb[d] * size[d])
            {
                _size[kept - 1] *= size[d];
                _strideA[kept - 1] = sa[d];
                _strideB[kept - 1] = sb[d];
            }
            else
            {
                _size[kept] = size[d];
                _strideA[kept] = sa[d];
                _strideB[kept] = sb[d];
                kept++;
            }
        }

        if (kept == 0)
        {
            Inner = 1;
            _outerRank = 0;
        }
        else
        {
            Inner = _size[kept - 1];
            InnerStrideA = _strideA[kept - 1];
            InnerStrideB = _strideB[kept - 1];
            _outerRank = kept - 1;
        }

        _remaining = total == 0 ? 0 : (int)(total / Inner);
    }

    // <summary>Length of every run.</summary>
    public int Inner { get; }

    // <summary>Stride of operand a within a run: 1 or 0 (broadcast).</summary>
    public int InnerStrideA { get; }

    // <summary>Stride of operand b within a run: 1 or 0 (broadcast).</summary>
    public int InnerStrideB { get; }

    // <summary>Start of the current run in operand a.</summary>
    public int OffsetA { get; private set; }

    // <summary>Start of the current run in operand b.</summary>
    public int OffsetB { get; private set; }

    // <summary>Start of the current run in the (contiguous) output.</summary>
    public int OffsetY { get; private set; }

    // <summary>Advances to the next run.</summary>
    // <returns>False when the walk is over.</returns>
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            return false;
        }

        _remaining--;
        if (!_started)
        {
            _started = true;
            return true;
        }

        OffsetY += Inner;
        for (int d = _outerRank - 1; d >= 0; d--)
        {
            _index[d]++;
            OffsetA += _strideA[d];
            OffsetB += _strideB[d];
            if (_index[d] < _size[d])
            {
                break;
            }

            OffsetA -= _strideA[d] * _size[d];
            OffsetB -= _strideB[d] * _size[d];
            _index[d] = 0;
        }

        return true;
    }
}
