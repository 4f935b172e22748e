using BenchmarkDotNet.Attributes;
using InfoTheory.Selection;

namespace InfoTheory.Benchmarks.Selection;

/// <summary>
/// Greedy selection of 50 of 1000 discrete features (4–8 levels) over 10⁴ rows (target: mRMR and JMI under 1 s on 2 cores),
/// with MIM, the ranking scikit-learn's <c>SelectKBest(mutual_info_classif, k=50)</c> computes
/// (benchmarks/peers/peer_feature_selection.py), as the reference. The naive search is
/// <see cref="FeatureSelectionNaiveBenchmarks"/>, on a smaller problem.
/// </summary>
[MemoryDiagnoser]
public class FeatureSelectionBenchmarks
{
    private int[][] _features = [];
    private int[] _target = [];

    [GlobalSetup]
    public void Setup() => (_features, _target) = SelectionData.Discrete(1000, 10_000, seed: 20261201);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<int> Mim() => FeatureSelection.Select(_features, _target, 50, SelectionCriterion.Mim).Features;

    [Benchmark]
    public IReadOnlyList<int> Mrmr() => FeatureSelection.Select(_features, _target, 50, SelectionCriterion.Mrmr).Features;

    [Benchmark]
    public IReadOnlyList<int> Jmi() => FeatureSelection.Select(_features, _target, 50, SelectionCriterion.Jmi).Features;
}

/// <summary>
/// 10 of 100 discrete features over 10⁴ rows: the library against the greedy search written from its definition, every
/// criterion recomputed from scratch at every step with <c>MutualInformation.FromSamples</c> (F·|S| pair counts per step
/// instead of F).
/// </summary>
[MemoryDiagnoser]
public class FeatureSelectionNaiveBenchmarks
{
    private const int Count = 10;
    private int[][] _features = [];
    private int[] _target = [];

    [GlobalSetup]
    public void Setup() => (_features, _target) = SelectionData.Discrete(100, 10_000, seed: 20261201);

    [Benchmark(Baseline = true)]
    public int[] NaiveMrmr() => Naive(SelectionCriterion.Mrmr);

    [Benchmark]
    public IReadOnlyList<int> Mrmr() => FeatureSelection.Select(_features, _target, Count, SelectionCriterion.Mrmr).Features;

    [Benchmark]
    public int[] NaiveJmi() => Naive(SelectionCriterion.Jmi);

    [Benchmark]
    public IReadOnlyList<int> Jmi() => FeatureSelection.Select(_features, _target, Count, SelectionCriterion.Jmi).Features;

    private int[] Naive(SelectionCriterion criterion)
    {
        var chosen = new List<int>();
        var pair = new int[_target.Length];
        while (chosen.Count < Count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < _features.Length; k++)
            {
                if (chosen.Contains(k))
                {
                    continue;
                }

                double relevance = MutualInformation.FromSamples<int, int>(_features[k], _target);
                double score = relevance;
                if (chosen.Count > 0 && criterion == SelectionCriterion.Mrmr)
                {
                    score = relevance - chosen.Average(j => MutualInformation.FromSamples<int, int>(_features[k], _features[j]));
                }
                else if (chosen.Count > 0)
                {
                    score = 0;
                    foreach (int j in chosen)
                    {
                        for (int i = 0; i < pair.Length; i++)
                        {
                            pair[i] = (_features[k][i] * 8) + _features[j][i];
                        }

                        score += MutualInformation.FromSamples<int, int>(pair, _target);
                    }
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (k, score);
                }
            }

            chosen.Add(best);
        }

        return chosen.ToArray();
    }
}
