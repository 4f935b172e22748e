using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class PosteriorCollapseTests
{
    [Fact]
    public void ActiveUnits_CountsUnitsWhoseMeanVariesAcrossExamples()
    {
        // Unit 0 varies with variance 1 (±1), unit 1 is constant, unit 2 varies with variance 0.0025 (±0.05), below 0.01.
        var means = new float[,] { { 1, 0.3f, 0.05f }, { -1, 0.3f, -0.05f }, { 1, 0.3f, 0.05f }, { -1, 0.3f, -0.05f } };

        PosteriorCollapse.ActiveUnits(means).Should().Be(1);
    }

    [Fact]
    public void ActiveUnits_NoRows_ThrowsNamingMeans()
    {
        Action act = () => PosteriorCollapse.ActiveUnits(new float[0, 3]);

        act.Should().Throw<ArgumentException>().WithParameterName("means");
    }

    [Fact]
    public void Warning_KlNearZero_NamesPosteriorCollapseAndWhatToTry()
    {
        string? warning = PosteriorCollapse.Warning(kl: 0.004, activeUnits: 0, latentUnits: 8, klWeight: 1);

        warning.Should().StartWith("posterior collapse: KL(q(z|x) ‖ p(z)) is 0.004 nats and 0 of 8 latent units are active")
            .And.Contain("--kl-weight 0.5").And.Contain("--epochs").And.Contain("GaussianLikelihood");
    }

    [Fact]
    public void Warning_AlreadyLowWeight_SuggestsHalfOfIt()
    {
        PosteriorCollapse.Warning(kl: 0.01, activeUnits: 1, latentUnits: 8, klWeight: 0.2).Should().Contain("--kl-weight 0.1 ");
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.049, 8)]
    public void Warning_KlBelowThreshold_Warns(double kl, int active)
    {
        PosteriorCollapse.Warning(kl, active, 8, 1).Should().NotBeNull();
    }

    [Fact]
    public void Warning_CodeInUse_IsNull()
    {
        PosteriorCollapse.Warning(kl: 12.5, activeUnits: 6, latentUnits: 8, klWeight: 1).Should().BeNull();
        PosteriorCollapse.Warning(kl: PosteriorCollapse.KlThreshold, activeUnits: 1, latentUnits: 8, klWeight: 1).Should().BeNull();

        // After 2 epochs on the digits: KL 0.58 nats with every unit's mean still nearly constant, a model still learning.
        PosteriorCollapse.Warning(kl: 0.58, activeUnits: 0, latentUnits: 8, klWeight: 1).Should().BeNull();
    }
}
