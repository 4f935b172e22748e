using InfoTheory.Decomposition;
using static InfoTheory.Tests.MultivariateSamples;

namespace InfoTheory.Tests.Decomposition;

public class PartialInformationTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void TwoSources_CatWithImin_IsOneBitRedundantAndOneSynergistic()
    {
        // dit docs, measures/pid (I_min): PID_WB(['000', '011', '102', '113']) → {0}{1} 1, {0} 0, {1} 0, {0:1} 1.
        var pid = PartialInformation.TwoSources(Uniform("000", "011", "102", "113"), unit: LogBase.Bits);

        pid.Redundancy.Should().BeApproximately(1, Tolerance);
        pid.UniqueFirst.Should().BeApproximately(0, Tolerance);
        pid.UniqueSecond.Should().BeApproximately(0, Tolerance);
        pid.Synergy.Should().BeApproximately(1, Tolerance);
    }

    [Theory]
    [InlineData(RedundancyMeasure.MinimumSpecificInformation)]
    [InlineData(RedundancyMeasure.MinimumMutualInformation)]
    public void TwoSources_Prob1_IsDitsValue(RedundancyMeasure measure)
    {
        // dit tests, pid/tests/test_imin.py test_pid_wb1 and test_immi.py test_pid_mmi1 on bivariates['prob 1']
        // = uniform(['000', '001', '010', '011', '100']). Checked by hand: I(X₀;Y) = 0.17095 bits, I(X₁;Y) = 0.019973 bits,
        // and X₁'s specific information is the smaller for both outcomes of Y, so I_min and MMI agree here.
        var pid = PartialInformation.TwoSources(Uniform("000", "001", "010", "011", "100"), measure, LogBase.Bits);

        pid.Redundancy.Should().BeApproximately(0.019973094021974794, Tolerance);
        pid.UniqueFirst.Should().BeApproximately(0.15097750043269376, Tolerance);
        pid.UniqueSecond.Should().BeApproximately(0, Tolerance);
        pid.Synergy.Should().BeApproximately(0, Tolerance);
    }

    [Fact]
    public void TwoSources_CanonicalGates_PutAllTheInformationInOneAtom()
    {
        // Williams and Beer (2010): XOR is pure synergy, a copied bit pure redundancy, Y = X₁ pure unique information of X₁.
        var xor = PartialInformation.TwoSources(Uniform("000", "011", "101", "110"), unit: LogBase.Bits);
        var rdn = PartialInformation.TwoSources(Uniform("000", "111"), unit: LogBase.Bits);
        var unq = PartialInformation.TwoSources(Uniform("000", "011", "100", "111"), unit: LogBase.Bits);

        xor.Should().Be(new TwoSourceDecomposition(0, 0, 0, 1));
        rdn.Redundancy.Should().BeApproximately(1, Tolerance);
        (rdn.UniqueFirst + rdn.UniqueSecond + rdn.Synergy).Should().BeApproximately(0, Tolerance);
        unq.UniqueSecond.Should().BeApproximately(1, Tolerance);
        (unq.Redundancy + unq.UniqueFirst + unq.Synergy).Should().BeApproximately(0, Tolerance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TwoSources_RandomTables_AreTheBruteForceIminAndMmi(int seed)
    {
        var d = Random(new Random(seed), 3, 2, 4);
        double i0 = MutualInformation(d, [0], [2]), i1 = MutualInformation(d, [1], [2]), i01 = MutualInformation(d, [0, 1], [2]);

        var imin = PartialInformation.TwoSources(d);
        var mmi = PartialInformation.TwoSources(d, RedundancyMeasure.MinimumMutualInformation);

        imin.Redundancy.Should().BeApproximately(BruteImin(d, [[0], [1]], [2]), 1e-12);
        mmi.Redundancy.Should().BeApproximately(Math.Min(i0, i1), 1e-12);
        foreach (var pid in new[] { imin, mmi })
        {
            (pid.Redundancy + pid.UniqueFirst).Should().BeApproximately(i0, 1e-12);
            (pid.Redundancy + pid.UniqueSecond).Should().BeApproximately(i1, 1e-12);
            pid.Total.Should().BeApproximately(i01, 1e-12);
        }
    }

    [Fact]
    public void TwoSources_SourcesOfSeveralVariables_EqualTheSourcesRecodedAsOneVariable()
    {
        // (X₀, X₁) as one source against X₂, target X₃, equals the same table with X₀ and X₁ merged into one 6-valued variable.
        var d = Random(new Random(5), 2, 3, 2, 3);
        var merged = MultivariateDistribution.FromProbabilities(d.Probabilities, [6, 2, 3]);

        var grouped = PartialInformation.TwoSources(d, [0, 1], [2], [3]);
        var single = PartialInformation.TwoSources(merged);

        grouped.Redundancy.Should().BeApproximately(single.Redundancy, 1e-12);
        grouped.UniqueFirst.Should().BeApproximately(single.UniqueFirst, 1e-12);
        grouped.UniqueSecond.Should().BeApproximately(single.UniqueSecond, 1e-12);
        grouped.Synergy.Should().BeApproximately(single.Synergy, 1e-12);
    }

    [Theory]
    [InlineData(RedundancyMeasure.MinimumSpecificInformation)]
    [InlineData(RedundancyMeasure.MinimumMutualInformation)]
    public void ThreeSources_TrivariateSum_IsDitsValue(RedundancyMeasure measure)
    {
        // dit tests, pid/tests/test_imin.py test_pid_wb2 and test_immi.py test_pid_mmi2 on trivariates['sum'] (Y = X₀ + X₁ + X₂
        // of three fair bits): {0}{1}{2} 0.31127812445913294, {01}{02}{12} 0.5, {012} 1, every other atom 0.
        var sum = Uniform("0000", "0011", "0101", "0112", "1001", "1012", "1102", "1113");

        var pid = PartialInformation.ThreeSources(sum, measure, LogBase.Bits);

        foreach (Antichain node in ThreeSourceDecomposition.Lattice)
        {
            double expected = node.ToString() switch
            {
                "{0}{1}{2}" => 0.31127812445913294,
                "{01}{02}{12}" => 0.5,
                "{012}" => 1.0,
                _ => 0.0,
            };
            pid.Atom(node).Should().BeApproximately(expected, 1e-12, node.ToString());
        }

        pid.Total.Should().BeApproximately(1.8112781244591329, 1e-12, "H(Y) of the binomial(3, ½) sum, −Σ p log₂ p over 1/8, 3/8, 3/8, 1/8");
    }

    [Theory]
    [InlineData(RedundancyMeasure.MinimumSpecificInformation, 4)]
    [InlineData(RedundancyMeasure.MinimumMutualInformation, 4)]
    [InlineData(RedundancyMeasure.MinimumSpecificInformation, 6)]
    public void ThreeSources_RandomTables_AtomsSumToEachMutualInformation(RedundancyMeasure measure, int seed)
    {
        var d = Random(new Random(seed), 2, 3, 2, 3);

        var pid = PartialInformation.ThreeSources(d, measure);

        double[] atoms = ThreeSourceDecomposition.Lattice.Select(pid.Atom).ToArray();
        atoms.Sum().Should().BeApproximately(MutualInformation(d, [0, 1, 2], [3]), 1e-12);
        pid.Total.Should().BeApproximately(MutualInformation(d, [0, 1, 2], [3]), 1e-12);
        for (int i = 0; i < 3; i++)
        {
            // The antichains at or below {i} are exactly those that hold the set {i}.
            double below = ThreeSourceDecomposition.Lattice.Where(a => a.Sets.Any(s => s.SequenceEqual([i]))).Sum(pid.Atom);
            below.Should().BeApproximately(MutualInformation(d, [i], [3]), 1e-12);
            pid.Redundancy(Antichain.Of([i])).Should().BeApproximately(MutualInformation(d, [i], [3]), 1e-12);
        }

        if (measure == RedundancyMeasure.MinimumSpecificInformation)
        {
            pid.Redundancy(Antichain.Of([0], [1, 2])).Should().BeApproximately(BruteImin(d, [[0], [1, 2]], [3]), 1e-12);
            atoms.Should().OnlyContain(a => a >= 0, "Williams and Beer prove every I_min atom non-negative");
        }
        else
        {
            pid.Redundancy(Antichain.Of([0], [1, 2])).Should().BeApproximately(
                Math.Min(MutualInformation(d, [0], [3]), MutualInformation(d, [1, 2], [3])), 1e-12);
        }
    }

    [Fact]
    public void ThreeSourceLattice_IsThe18AntichainsFromBottomToTop()
    {
        // Williams and Beer (2010), figure 2: the redundancy lattice of three sources.
        string[] expected =
        [
            "{0}{1}{2}", "{0}{1}", "{0}{2}", "{1}{2}", "{0}{12}", "{1}{02}", "{2}{01}", "{0}", "{1}", "{2}",
            "{01}{02}{12}", "{01}{02}", "{01}{12}", "{02}{12}", "{01}", "{02}", "{12}", "{012}",
        ];

        var lattice = ThreeSourceDecomposition.Lattice;

        lattice.Select(a => a.ToString()).Should().BeEquivalentTo(expected);
        lattice[0].ToString().Should().Be("{0}{1}{2}");
        lattice[^1].ToString().Should().Be("{012}");

        // α ≤ β when every set of β contains a set of α; a node never comes before one below it.
        static bool AtOrBelow(Antichain a, Antichain b) => b.Sets.All(sb => a.Sets.Any(sa => sa.All(sb.Contains)));
        for (int i = 0; i < lattice.Count; i++)
        {
            for (int j = i + 1; j < lattice.Count; j++)
            {
                AtOrBelow(lattice[j], lattice[i]).Should().BeFalse($"{lattice[j]} comes after {lattice[i]}");
            }
        }
    }

    [Fact]
    public void Antichain_Of_IsOrderFreeAndPrintsAsDit()
    {
        Antichain.Of([2, 1], [0]).Should().Be(Antichain.Of([0], [1, 2]));
        Antichain.Of([2, 1], [0]).ToString().Should().Be("{0}{12}");
        Antichain.Of([0], [1, 2]).Sets.Should().BeEquivalentTo(new[] { new[] { 0 }, new[] { 1, 2 } }, o => o.WithStrictOrdering());
        (Antichain.Of([0]) != Antichain.Of([1])).Should().BeTrue();
        default(Antichain).ToString().Should().Be("{}");
    }

    [Fact]
    public void Antichain_Of_BadSets_ThrowsNamingSets()
    {
        FluentActions.Invoking(() => Antichain.Of()).Should().Throw<ArgumentException>().WithParameterName("sets");
        FluentActions.Invoking(() => Antichain.Of([0], [])).Should()
            .Throw<ArgumentException>().WithParameterName("sets").WithMessage("sets[1] is empty*");
        FluentActions.Invoking(() => Antichain.Of([0, 3])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("sets").WithMessage("sets[0][1] is 3*");
        FluentActions.Invoking(() => Antichain.Of([1, 1])).Should()
            .Throw<ArgumentException>().WithParameterName("sets").WithMessage("sets[0][1] is 1, which is already in sets[0]*");
        FluentActions.Invoking(() => Antichain.Of([0], [0, 1])).Should()
            .Throw<ArgumentException>().WithParameterName("sets").WithMessage("*no set repeats or contains another*");
        FluentActions.Invoking(() => Antichain.Of([1, 2], [2, 1])).Should()
            .Throw<ArgumentException>().WithParameterName("sets");
    }

    [Fact]
    public void Decompositions_BadArguments_ThrowNamingTheParameter()
    {
        var d = GiantBit(4);

        FluentActions.Invoking(() => PartialInformation.TwoSources(d)).Should()
            .Throw<ArgumentException>().WithParameterName("distribution").WithMessage("distribution has 4 variables; this overload takes 3*");
        FluentActions.Invoking(() => PartialInformation.ThreeSources(GiantBit(3))).Should()
            .Throw<ArgumentException>().WithParameterName("distribution");
        FluentActions.Invoking(() => PartialInformation.TwoSources(null!)).Should()
            .Throw<ArgumentNullException>().WithParameterName("distribution");
        FluentActions.Invoking(() => PartialInformation.TwoSources(d, [0, 3], [1], [3])).Should()
            .Throw<ArgumentException>().WithParameterName("first").WithMessage("first holds variable 3, which is also in target*");
        FluentActions.Invoking(() => PartialInformation.TwoSources(d, [0], [], [3])).Should()
            .Throw<ArgumentException>().WithParameterName("second");
        FluentActions.Invoking(() => PartialInformation.ThreeSources(d, [0], [1], [2], [4])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("target");
        FluentActions.Invoking(() => PartialInformation.ThreeSources(d, (RedundancyMeasure)7)).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("redundancy");
        FluentActions.Invoking(() => PartialInformation.ThreeSources(d).Atom(default)).Should()
            .Throw<ArgumentException>().WithParameterName("antichain");
    }

    /// <summary>I(A ; B) in nats from brute-force entropies.</summary>
    private static double MutualInformation(MultivariateDistribution d, int[] a, int[] b)
        => BruteEntropy(d, a) + BruteEntropy(d, b) - BruteEntropy(d, [.. a, .. b]);

    /// <summary>
    /// Williams and Beer's I_min in nats written plainly: Σ_y p(y) min over the sources A of Σ_a p(a | y) log(p(y | a) / p(y)),
    /// with the marginals looked up in brute-force dictionaries.
    /// </summary>
    private static double BruteImin(MultivariateDistribution d, int[][] sources, int[] target)
    {
        var py = BruteMarginal(d, target);
        double sum = 0;
        foreach ((string y, double p) in py)
        {
            if (p == 0)
            {
                continue;
            }

            double least = double.PositiveInfinity;
            foreach (int[] source in sources)
            {
                var pa = BruteMarginal(d, source);
                var pay = BruteMarginal(d, [.. source, .. target]);
                double specific = 0;
                foreach ((string a, double q) in pa)
                {
                    double joint = pay.GetValueOrDefault(a + "," + y);
                    if (joint > 0)
                    {
                        specific += joint / p * Math.Log(joint / q / p);
                    }
                }

                least = Math.Min(least, specific);
            }

            sum += p * least;
        }

        return sum;
    }
}
