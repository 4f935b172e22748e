using System.Globalization;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// An experiment's progress as whole lines, for output that is not a terminal (CI logs, files), where a redrawn bar
/// leaves carriage-return fragments such as "vae: 1%": a line each time another <see cref="PercentStep"/> % of the steps
/// is done, or when <see cref="Interval"/> has passed since the last line with some progress made, and one at the end.
/// </summary>
/// <param name="name">The experiment's name, which starts every line.</param>
/// <param name="maxValue">The number of steps that make 100 %, &gt; 0.</param>
/// <param name="writer">Where the lines go.</param>
/// <param name="elapsed">The time since the experiment started; a parameter so that tests can drive it.</param>
internal sealed class LineProgress(string name, double maxValue, TextWriter writer, Func<TimeSpan> elapsed)
{
    /// <summary>The share of the steps between two lines, in percent.</summary>
    public const int PercentStep = 10;

    /// <summary>A slow experiment still prints this often, so a log shows it is alive.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private double _value;
    private int _lastPercent;
    private TimeSpan _lastLine;
    private bool _finished;

    /// <summary>Adds <paramref name="steps"/> done, printing a line if that crosses a multiple of <see cref="PercentStep"/> % or the interval has passed.</summary>
    public void Advance(double steps)
    {
        _value = Math.Min(_value + steps, maxValue);
        int percent = (int)Math.Floor(100 * _value / maxValue);
        TimeSpan now = elapsed();
        bool crossed = percent / PercentStep > _lastPercent / PercentStep && percent < 100;
        bool overdue = now - _lastLine >= Interval && percent > _lastPercent;
        if (crossed || overdue)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {percent}% ({Steps(_value)} of {Steps(maxValue)} steps, {now.TotalSeconds:0.0} s)"));
            _lastPercent = percent;
            _lastLine = now;
        }
    }

    /// <summary>Prints the closing line, once.</summary>
    public void Finish()
    {
        if (!_finished)
        {
            _finished = true;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: done, {Steps(maxValue)} step{(maxValue == 1 ? string.Empty : "s")} in {elapsed().TotalSeconds:0.0} s"));
        }
    }

    private static string Steps(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
