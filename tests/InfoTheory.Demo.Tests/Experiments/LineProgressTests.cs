using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class LineProgressTests
{
    private TimeSpan _now;

    [Fact]
    public void Advance_OneStepAtATime_PrintsAWholeLineAtEveryTenPercent()
    {
        var writer = new StringWriter();
        var progress = new LineProgress("vae", 100, writer, () => _now);

        for (int step = 0; step < 100; step++)
        {
            _now += TimeSpan.FromSeconds(0.1);
            progress.Advance(1);
        }

        progress.Finish();

        // 10 %, 20 %, …, 90 % (100 % is the closing line), each a line of its own: no carriage returns, no fragments.
        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(10);
        lines[0].Should().Be("vae: 10% (10 of 100 steps, 1.0 s)");
        lines[8].Should().Be("vae: 90% (90 of 100 steps, 9.0 s)");
        lines[9].Should().Be("vae: done, 100 steps in 10.0 s");
        writer.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal).Should().NotContain("\r");
    }

    [Fact]
    public void Advance_SlowExperimentBelowTheNextTenPercent_PrintsOnceAnIntervalHasPassed()
    {
        var writer = new StringWriter();
        var progress = new LineProgress("klfit", 1000, writer, () => _now);

        _now = TimeSpan.FromSeconds(10);
        progress.Advance(30);
        writer.ToString().Should().BeEmpty("3 % after 10 s is neither a new tenth nor overdue");

        _now = LineProgress.Interval + TimeSpan.FromSeconds(1);
        progress.Advance(20);

        writer.ToString().Should().Be($"klfit: 5% (50 of 1000 steps, 31.0 s){Environment.NewLine}");
    }

    [Fact]
    public void Advance_IntervalPassedWithoutProgress_PrintsNothing()
    {
        var writer = new StringWriter();
        var progress = new LineProgress("ae", 1000, writer, () => _now);

        _now = TimeSpan.FromMinutes(5);
        progress.Advance(0);

        writer.ToString().Should().BeEmpty("a repeated line with the same percentage says nothing new");
    }

    [Fact]
    public void Advance_OneLargeStepAcrossSeveralTenths_PrintsOneLine_AndFinishPrintsOnce()
    {
        var writer = new StringWriter();
        var progress = new LineProgress("sae", 8, writer, () => _now);

        progress.Advance(3);
        progress.Advance(10);
        progress.Finish();
        progress.Finish();

        writer.ToString().Should().Be(
            $"sae: 37% (3 of 8 steps, 0.0 s){Environment.NewLine}sae: done, 8 steps in 0.0 s{Environment.NewLine}");
    }

    [Fact]
    public void Finish_SingleStepExperiment_SaysStepInTheSingular()
    {
        var writer = new StringWriter();
        var progress = new LineProgress("mixture", 1, writer, () => _now);

        progress.Advance(1);
        progress.Finish();

        writer.ToString().Should().Be($"mixture: done, 1 step in 0.0 s{Environment.NewLine}");
    }
}
