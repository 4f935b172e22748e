namespace InfoTheory.Demo.Tests;

public class DemoOptionsTests
{
    private static readonly string[] Models = ["data", "mixture"];

    [Fact]
    public void Parse_NoArguments_GivesTheDocumentedDefaults()
    {
        DemoOptions options = DemoOptions.Parse([], Models);

        options.Model.Should().Be("all");
        options.Epochs.Should().BeNull();
        options.KlSteps.Should().BeNull();
        options.Seed.Should().Be(DemoOptions.DefaultSeed);
        options.KlWeight.Should().Be(1.0);
        options.OutputFolder.Should().Be("figures");
        options.DataPath.Should().BeNull();
        options.ShowHelp.Should().BeFalse();
    }

    [Fact]
    public void Parse_EveryOption_InSpaceAndEqualsForms()
    {
        DemoOptions options = DemoOptions.Parse(
            ["--model", "MIXTURE", "--epochs=12", "--kl-steps", "50", "--seed", "-3", "--kl-weight=0.25", "--out=plots", "--data", "x.csv", "--label-column=-1", "--csv-header"],
            Models);

        options.Should().BeEquivalentTo(new DemoOptions
        {
            Model = "mixture",
            Epochs = 12,
            KlSteps = 50,
            Seed = -3,
            KlWeight = 0.25,
            OutputFolder = "plots",
            DataPath = "x.csv",
            LabelColumn = -1,
            CsvHasHeader = true,
        });
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Parse_Help_IsRecognised(string flag)
    {
        DemoOptions.Parse([flag], Models).ShowHelp.Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "*Unknown option '--bogus'*")]
    [InlineData(new[] { "--model", "vae" }, "*--model is 'vae'; expected all or one of: data, mixture*")]
    [InlineData(new[] { "--epochs", "0" }, "*--epochs is '0'; expected an integer >= 1*")]
    [InlineData(new[] { "--kl-steps", "-5" }, "*--kl-steps is '-5'; expected an integer >= 1*")]
    [InlineData(new[] { "--seed", "1.5" }, "*--seed is '1.5'; expected an integer*")]
    [InlineData(new[] { "--kl-weight", "-1" }, "*--kl-weight is '-1'; expected a finite number >= 0*")]
    [InlineData(new[] { "--kl-weight", "NaN" }, "*--kl-weight is 'NaN'; expected a finite number >= 0*")]
    [InlineData(new[] { "--kl-weight", "Infinity" }, "*--kl-weight is 'Infinity'; expected a finite number >= 0*")]
    [InlineData(new[] { "--out" }, "*--out needs a value*")]
    [InlineData(new[] { "--data=" }, "*--data needs a non-empty value*")]
    [InlineData(new[] { "--labels", "l.idx" }, "*--labels needs --data*")]
    public void Parse_BadCommandLine_ThrowsSayingWhy(string[] args, string message)
    {
        Action act = () => DemoOptions.Parse(args, Models);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Help_ListsEveryExperimentWithItsDescription_AndEveryOption()
    {
        string help = DemoOptions.Help([("data", "the dataset"), ("klfit", "Gaussian fits to P")]);

        help.Should().Contain("  data              the dataset").And.Contain("  klfit             Gaussian fits to P");
        foreach (string option in new[] { "--model", "--epochs", "--kl-steps", "--kl-weight", "--seed", "--out", "--data", "--labels", "--label-column", "--csv-header", "--help" })
        {
            help.Should().Contain(option);
        }

        help.Should().NotContain("Not implemented");
    }
}
