using static InfoTheory.Tests.MultivariateSamples;

namespace InfoTheory.Tests;

public class MultivariateInformationTests
{
    private const double Tolerance = 1e-12;

    // dit's Xor(): the third bit is the XOR of two fair bits.
    private static readonly MultivariateDistribution Xor = Uniform("000", "011", "101", "110");

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 2.0)]
    [InlineData(4, 3.0)]
    [InlineData(5, 4.0)]
    public void TotalCorrelation_GiantBit_IsOneLessThanTheNumberOfVariables(int n, double bits)
    {
        // dit docs, measures/multivariate/total_correlation: [T(D(['0'*n, '1'*n], [0.5, 0.5])) for n in range(2, 6)] → [1, 2, 3, 4].
        MultivariateInformation.TotalCorrelation(GiantBit(n), LogBase.Bits).Should().BeApproximately(bits, Tolerance);
    }

    [Theory]
    [InlineData(3, 2, 1.0)]
    [InlineData(4, 2, 1.0)]
    [InlineData(5, 2, 1.0)]
    [InlineData(3, 3, 1.5849625007211565)]
    [InlineData(3, 4, 2.0)]
    public void TotalCorrelation_Parity_IsLogM(int n, int m, double bits)
    {
        // dit docs, total_correlation: [T(n_mod_m(n, 2)) for n in 3..5] → 1, 1, 1; [T(n_mod_m(3, m)) for m in 2..4] → 1, 1.585, 2.
        MultivariateInformation.TotalCorrelation(Parity(n, m), LogBase.Bits).Should().BeApproximately(bits, Tolerance);
    }

    [Fact]
    public void TotalAndDualTotalCorrelation_GiantBitAndParity_AreDitsValues()
    {
        // dit docs, measures/multivariate/dual_total_correlation: giant bit '000','111' → T 2, B 1; n_mod_m(3, 2) → T 1, B 2.
        MultivariateInformation.TotalCorrelation(GiantBit(3), LogBase.Bits).Should().BeApproximately(2, Tolerance);
        MultivariateInformation.DualTotalCorrelation(GiantBit(3), LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.TotalCorrelation(Parity(3, 2), LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.DualTotalCorrelation(Parity(3, 2), LogBase.Bits).Should().BeApproximately(2, Tolerance);
    }

    [Fact]
    public void CoInformation_XorGiantBitAndFourBitParity_HaveDitsSigns()
    {
        // dit docs, measures/multivariate/coinformation: I(Xor()) = −1; giant bits n = 2..5 → 1; I(n_mod_m(4, 2)) = 1.
        MultivariateInformation.CoInformation(Xor, LogBase.Bits).Should().BeApproximately(-1, Tolerance);
        MultivariateInformation.CoInformation(Parity(4, 2), LogBase.Bits).Should().BeApproximately(1, Tolerance);
        for (int n = 2; n <= 5; n++)
        {
            MultivariateInformation.CoInformation(GiantBit(n), LogBase.Bits).Should().BeApproximately(1, Tolerance);
        }
    }

    [Fact]
    public void CoInformation_ConditionalAndSubsets_MatchDitsTests()
    {
        // dit tests, multivariate/tests/test_coinformation.py: test_coi1 (XOR), test_coi3 to test_coi6 (n_mod_m(4, 2)).
        var parity = Parity(4, 2);

        MultivariateInformation.CoInformation(Xor, [0, 1], [2], LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.CoInformation(parity, [0, 1, 2], [], LogBase.Bits).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.CoInformation(parity, [0, 1, 2], [3], LogBase.Bits).Should().BeApproximately(-1, Tolerance);
        MultivariateInformation.CoInformation(parity, [0, 1], [2, 3], LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.CoInformation(parity, [0], [1, 2, 3], LogBase.Bits).Should().BeApproximately(0, Tolerance);
    }

    [Fact]
    public void CoInformation_OneVariable_IsItsEntropy()
    {
        // dit tests, test_coinformation.py test_coi7: H = I for one variable.
        var d = MultivariateDistribution.FromProbabilities([1 / 3.0, 1 / 3.0, 1 / 3.0], [3]);

        MultivariateInformation.CoInformation(d).Should().BeApproximately(Math.Log(3), Tolerance);
    }

    [Fact]
    public void TotalCorrelation_Conditional_MatchesDitsTests()
    {
        // dit tests, multivariate/tests/test_total_correlation.py test_tc3 to test_tc5, on the 4-bit parity.
        var parity = Parity(4, 2);

        MultivariateInformation.TotalCorrelation(parity, [0, 1, 2], [], LogBase.Bits).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.TotalCorrelation(parity, [0, 1, 2], [3], LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.TotalCorrelation(parity, [0, 1], [2, 3], LogBase.Bits).Should().BeApproximately(1, Tolerance);
    }

    [Fact]
    public void DualTotalCorrelation_Conditional_MatchesDitsTests()
    {
        // dit tests, multivariate/tests/test_dual_total_correlation.py test_B2 (giant bit) and test_B4 (XOR).
        MultivariateInformation.DualTotalCorrelation(GiantBit(3), [0, 1], [2], LogBase.Bits).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.DualTotalCorrelation(Xor, LogBase.Bits).Should().BeApproximately(2, Tolerance);
        MultivariateInformation.DualTotalCorrelation(Xor, [0, 1], [2], LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.DualTotalCorrelation(Xor, [1, 2], [0], LogBase.Bits).Should().BeApproximately(1, Tolerance);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void InteractionInformation_GiantBit_IsMinusOneToTheN(int n)
    {
        // dit tests, multivariate/tests/test_interaction_information.py test_ii1: giant bit of n variables → (−1)ⁿ.
        MultivariateInformation.InteractionInformation(GiantBit(n), LogBase.Bits).Should().BeApproximately(Math.Pow(-1, n), Tolerance);
    }

    [Fact]
    public void InteractionInformation_Xor_IsPlusOneBitOfSynergy()
    {
        // dit docs, interaction_information: II(X0:X1:X2) = I(X0:X1|X2) − I(X0:X1) = 1 − 0; test_ii3: II([0],[1] | 2) = 1.
        MultivariateInformation.InteractionInformation(Xor, LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.InteractionInformation(Xor, [0, 1], [2], LogBase.Bits).Should().BeApproximately(1, Tolerance);
    }

    [Fact]
    public void InteractionInformation_RandomTables_IsPlusOrMinusCoInformationByParityOfN()
    {
        var rng = new Random(4);
        for (int n = 2; n <= 5; n++)
        {
            var d = Random(rng, Enumerable.Repeat(2, n).ToArray());
            double sign = n % 2 == 0 ? 1 : -1;

            MultivariateInformation.InteractionInformation(d).Should().BeApproximately(sign * MultivariateInformation.CoInformation(d), Tolerance);
        }
    }

    [Fact]
    public void OInformation_GiantBitAndXor_AreDitsValues()
    {
        // dit docs, measures/multivariate/o_information: o_information(giant_bit(3, 2)) = 1, o_information(Xor()) = −1.
        MultivariateInformation.OInformation(GiantBit(3), LogBase.Bits).Should().BeApproximately(1, Tolerance);
        MultivariateInformation.OInformation(Xor, LogBase.Bits).Should().BeApproximately(-1, Tolerance);
    }

    [Fact]
    public void OInformation_FiveBitParity_IsTotalLessDualTotalCorrelation()
    {
        // n_mod_m(5, 2): T = 1 and B = 4 bits, so Ω = −3 (dit's o_information docstring prints 3.0, the wrong sign for T − B);
        // given X2 the other four are a 4-bit parity, Ω = 1 − 3 = −2 (the docstring's second example).
        var parity = Parity(5, 2);

        MultivariateInformation.OInformation(parity, LogBase.Bits).Should().BeApproximately(-3, Tolerance);
        MultivariateInformation.OInformation(parity, [0, 1, 3, 4], [2], LogBase.Bits).Should().BeApproximately(-2, Tolerance);
    }

    [Fact]
    public void SInformation_FiveBitParity_IsFiveBits()
    {
        // dit docs, measures/multivariate/s_information: s_information(n_mod_m(5, 2)) = 5.
        MultivariateInformation.SInformation(Parity(5, 2), LogBase.Bits).Should().BeApproximately(5, Tolerance);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 1, 4 })]
    [InlineData(new[] { 3, 2, 2 })]
    [InlineData(new[] { 2, 2, 2, 2, 2 })]
    public void Measures_RandomTables_SatisfyTheirDefiningIdentities(int[] shape)
    {
        var d = Random(new Random(shape.Sum()), shape);
        int n = shape.Length;
        int[] all = Enumerable.Range(0, n).ToArray();

        // T as KL(P ‖ Π P(xᵢ)), written plainly over the cells.
        double tc = 0;
        for (int cell = 0; cell < d.Probabilities.Length; cell++)
        {
            double p = d.Probabilities[cell];
            if (p > 0)
            {
                int[] x = Outcome(cell, d.Shape);
                double product = Enumerable.Range(0, n).Select(i => BruteMarginal(d, i)[x[i].ToString()]).Aggregate(1.0, (a, b) => a * b);
                tc += p * Math.Log(p / product);
            }
        }

        double h = BruteEntropy(d, all);
        double dtc = h - all.Sum(i => h - BruteEntropy(d, all.Where(j => j != i).ToArray()));
        double exogenous = all.Sum(i => BruteEntropy(d, i) + BruteEntropy(d, all.Where(j => j != i).ToArray()) - h);

        MultivariateInformation.TotalCorrelation(d).Should().BeApproximately(tc, 1e-11);
        MultivariateInformation.TotalCorrelation(d).Should().BeApproximately(all.Sum(i => BruteEntropy(d, i)) - h, 1e-11);
        MultivariateInformation.DualTotalCorrelation(d).Should().BeApproximately(dtc, 1e-11);
        MultivariateInformation.OInformation(d).Should().BeApproximately(tc - dtc, 1e-11);
        MultivariateInformation.SInformation(d).Should().BeApproximately(tc + dtc, 1e-11);
        MultivariateInformation.SInformation(d).Should().BeApproximately(exogenous, 1e-11);
    }

    [Fact]
    public void CoInformation_RandomTable_IsTheInclusionExclusionSumOfBruteForceEntropies()
    {
        var d = Random(new Random(21), 2, 3, 2, 2);
        double expected = 0;
        for (int s = 1; s < 16; s++)
        {
            int[] subset = Enumerable.Range(0, 4).Where(i => (s & (1 << i)) != 0).ToArray();
            expected += (subset.Length % 2 == 1 ? 1 : -1) * BruteEntropy(d, subset);
        }

        MultivariateInformation.CoInformation(d).Should().BeApproximately(expected, 1e-11);
    }

    [Fact]
    public void CoInformation_TwoVariables_IsTheMutualInformation()
    {
        var d = Random(new Random(8), 3, 5);
        var joint = JointDistribution.FromProbabilities(d.Probabilities, 3, 5);

        MultivariateInformation.CoInformation(d, LogBase.Bits).Should().BeApproximately(MutualInformation.Of(joint, LogBase.Bits), Tolerance);
        MultivariateInformation.TotalCorrelation(d, LogBase.Bits).Should().BeApproximately(MutualInformation.Of(joint, LogBase.Bits), Tolerance);
        MultivariateInformation.DualTotalCorrelation(d, LogBase.Bits).Should().BeApproximately(MutualInformation.Of(joint, LogBase.Bits), Tolerance);
    }

    [Fact]
    public void CoInformation_TwoVariablesGivenOthers_IsTheConditionalMutualInformation()
    {
        var d = Random(new Random(12), 2, 3, 2);
        double cmi = BruteEntropy(d, 0, 2) + BruteEntropy(d, 1, 2) - BruteEntropy(d, 0, 1, 2) - BruteEntropy(d, 2);

        MultivariateInformation.CoInformation(d, [0, 1], [2]).Should().BeApproximately(cmi, Tolerance);
        MultivariateInformation.TotalCorrelation(d, [1, 0], [2]).Should().BeApproximately(cmi, Tolerance);
    }

    [Fact]
    public void Measures_IndependentVariables_AreZero()
    {
        double[] px = [0.2, 0.8], py = [0.1, 0.3, 0.6], pz = [0.5, 0.25, 0.25];
        var table = new double[18];
        for (int cell = 0; cell < 18; cell++)
        {
            table[cell] = px[cell / 9] * py[cell / 3 % 3] * pz[cell % 3];
        }

        var d = MultivariateDistribution.FromProbabilities(table, [2, 3, 3]);

        MultivariateInformation.TotalCorrelation(d).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.DualTotalCorrelation(d).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.CoInformation(d).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.InteractionInformation(d).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.OInformation(d).Should().BeApproximately(0, Tolerance);
        MultivariateInformation.SInformation(d).Should().BeApproximately(0, Tolerance);
    }

    [Fact]
    public void Measures_BadArguments_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => MultivariateInformation.TotalCorrelation(null!)).Should()
            .Throw<ArgumentNullException>().WithParameterName("distribution");
        FluentActions.Invoking(() => MultivariateInformation.DualTotalCorrelation(Xor, [], [])).Should()
            .Throw<ArgumentException>().WithParameterName("variables").WithMessage("variables is empty*");
        FluentActions.Invoking(() => MultivariateInformation.CoInformation(Xor, [0, 1, 2], [2])).Should()
            .Throw<ArgumentException>().WithParameterName("given").WithMessage("given holds variable 2, which is also in variables*");
        FluentActions.Invoking(() => MultivariateInformation.OInformation(Xor, [0, 5])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("variables");
        FluentActions.Invoking(() => MultivariateInformation.SInformation(Xor, [0, 1], [2, 2])).Should()
            .Throw<ArgumentException>().WithParameterName("given");
        FluentActions.Invoking(() => MultivariateInformation.InteractionInformation(Xor, (LogBase)9)).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }
}
