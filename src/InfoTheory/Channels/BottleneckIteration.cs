using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Channels;

// <summary>The state of one <see cref="InformationBottleneck.Fit"/> run: p(y|x) once, and the encoder with the buffers its update needs.</summary>
internal sealed class BottleneckIteration
{
    private readonly JointDistribution _joint;
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _clusters;
    private readonly double[] _conditional;
    private readonly double[] _negativeEntropy;
    private readonly double[] _cluster;
    private readonly double[] _decoder;
    private readonly double[] _logDecoder;
    private readonly double[] _logits;
    private double[] _encoder;
    private double[] _next;

    public BottleneckIteration(JointDistribution joint, int clusters, int seed)
    {
        _joint = joint;
        _rows = joint.Rows;
        _columns = joint.Columns;
        _clusters = clusters;
        _conditional = new double[_rows * _columns];
        _negativeEntropy = new double[_rows];
        for (int x = 0; x < _rows; x++)
        {
            if (joint.RowMarginal[x] > 0)
            {
                Span<double> row = _conditional.AsSpan(x * _columns, _columns);
                joint.GivenRow(x, row);
                _negativeEntropy[x] = -EntropyKernel<double>.Nats(row, nameof(joint), SimdWidths.Best);
            }
        }

        _encoder = new double[_rows * clusters];
        _next = new double[_rows * clusters];
        var random = new Random(seed);
        for (int x = 0; x < _rows; x++)
        {
            Span<double> row = _encoder.AsSpan(x * clusters, clusters);
            for (int t = 0; t < clusters; t++)
            {
                // NextDouble is in [0, 1); 1 − u is in (0, 1], so no start gives a cluster an exact 0.
                row[t] = 1.0 - random.NextDouble();
            }

            TensorPrimitives.Divide(row, TensorPrimitives.Sum<double>(row), row);
        }

        _cluster = new double[clusters];
        _decoder = new double[clusters * _columns];
        _logDecoder = new double[clusters * _columns];
        _logits = new double[clusters];
    }

    // <summary>One application of the self-consistent equations; returns the largest change of an encoder probability.</summary>
    public double Update(double beta)
    {
        Marginals(_encoder);
        ReadOnlySpan<double> px = _joint.RowMarginal;
        double change = 0;
        for (int x = 0; x < _rows; x++)
        {
            Span<double> next = _next.AsSpan(x * _clusters, _clusters);
            if (px[x] > 0)
            {
                for (int t = 0; t < _clusters; t++)
                {
                    _logits[t] = _cluster[t] > 0 ? Math.Log(_cluster[t]) - (beta * Divergence(x, t)) : double.NegativeInfinity;
                }

                // Some cluster holds x with mass, so its divergence is finite and its logit is the finite maximum.
                double max = TensorPrimitives.Max<double>(_logits);
                TensorPrimitives.Subtract(_logits, max, next);
                TensorPrimitives.Exp(next, next);
                TensorPrimitives.Divide(next, TensorPrimitives.Sum<double>(next), next);
            }
            else
            {
                _cluster.CopyTo(next);
            }

            for (int t = 0; t < _clusters; t++)
            {
                change = Math.Max(change, Math.Abs(next[t] - _encoder[(x * _clusters) + t]));
            }
        }

        (_encoder, _next) = (_next, _encoder);
        return change;
    }

    // <summary>The current encoder p(t|x) (row-major, one row per x) and its p(t).</summary>
    public (double[] Encoder, double[] Clusters) Result()
    {
        Marginals(_encoder);
        for (int x = 0; x < _rows; x++)
        {
            // p(t) moved by the last update; a row without mass follows it, which changes no marginal.
            if (!(_joint.RowMarginal[x] > 0))
            {
                _cluster.CopyTo(_encoder.AsSpan(x * _clusters, _clusters));
            }
        }

        return (_encoder, (double[])_cluster.Clone());
    }

    // <summary>p(t) and p(y|t) of <paramref name="encoder"/>, and log p(y|t) (−∞ where 0).</summary>
    private void Marginals(double[] encoder)
    {
        ReadOnlySpan<double> px = _joint.RowMarginal;
        ReadOnlySpan<double> table = _joint.Probabilities;
        Array.Clear(_cluster);
        Array.Clear(_decoder);
        for (int x = 0; x < _rows; x++)
        {
            ReadOnlySpan<double> jointRow = table.Slice(x * _columns, _columns);
            for (int t = 0; t < _clusters; t++)
            {
                double e = encoder[(x * _clusters) + t];
                _cluster[t] += px[x] * e;
                Span<double> decoderRow = _decoder.AsSpan(t * _columns, _columns);
                TensorPrimitives.MultiplyAdd(jointRow, e, decoderRow, decoderRow);
            }
        }

        for (int t = 0; t < _clusters; t++)
        {
            Span<double> decoderRow = _decoder.AsSpan(t * _columns, _columns);
            if (_cluster[t] > 0)
            {
                TensorPrimitives.Divide(decoderRow, _cluster[t], decoderRow);
            }
        }

        Log.Apply(_decoder, _logDecoder, SimdWidths.Best);
    }

    // <summary>KL(p(y|x) ‖ p(y|t)) in nats, 0·log 0 = 0, +∞ where p(y|x) &gt; 0 = p(y|t).</summary>
    private double Divergence(int x, int t)
    {
        ReadOnlySpan<double> conditional = _conditional.AsSpan(x * _columns, _columns);
        ReadOnlySpan<double> logDecoder = _logDecoder.AsSpan(t * _columns, _columns);
        double cross = 0;
        for (int y = 0; y < _columns; y++)
        {
            if (conditional[y] > 0)
            {
                cross += conditional[y] * logDecoder[y];
            }
        }

        return _negativeEntropy[x] - cross;
    }
}
