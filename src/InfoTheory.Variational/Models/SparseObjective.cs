using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Models;

// <summary>The sparse objective: squared error + β Σ_j KL(ρ ‖ ρ̂_j) on the codes (<see cref="SparseAutoencoder"/>).</summary>
internal sealed class SparseObjective : AutoencoderObjective
{
    public SparseObjective(double targetActivation, double sparsityWeight, string targetName, string weightName)
    {
        SparsityPenalty.CheckTarget(targetActivation, targetName);
        InfoTheory.Internal.Guard.InRange(sparsityWeight, 0.0, double.MaxValue, weightName);
        (TargetActivation, SparsityWeight) = (targetActivation, sparsityWeight);
    }

    public double TargetActivation { get; }

    public double SparsityWeight { get; }

    public override string Kind => nameof(SparseAutoencoder);

    public override (AutodiffTensor<float> Weighted, AutodiffTensor<float> Value)? Penalty(AutodiffTensor<float> code)
    {
        var penalty = SparsityPenalty.EvaluateUnchecked(code, TargetActivation);
        return (penalty * (float)SparsityWeight, penalty);
    }

    public override void Describe(ModelDescription description) => description.SetSparsity(TargetActivation, SparsityWeight);
}
