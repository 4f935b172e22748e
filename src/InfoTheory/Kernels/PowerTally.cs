namespace InfoTheory.Kernels;

// <summary>What a power-sum pass, or one part of it, adds up (see <see cref="PowerSum"/>).</summary>
internal struct PowerTally : PartitionedRun.ITally<PowerTally>
{
    // <summary>The sum and minimum of p.</summary>
    public ProbabilityTally P;

    // <summary>The sum and minimum of q (untouched for q ≡ 1).</summary>
    public ProbabilityTally Q;

    // <summary>Σ pᵢe^(tℓᵢ).</summary>
    public double Power;

    // <summary>Σ pᵢ(e^(tℓᵢ) − 1), −pᵢ where qᵢ = 0 &lt; pᵢ.</summary>
    public double Excess;

    // <summary>Whether some qᵢ = 0 &lt; pᵢ.</summary>
    public bool Missing;

    // <summary>Adds the tally of a later part.</summary>
    public void Add(in PowerTally later)
    {
        P.Add(later.P);
        Q.Add(later.Q);
        Power += later.Power;
        Excess += later.Excess;
        Missing |= later.Missing;
    }
}
