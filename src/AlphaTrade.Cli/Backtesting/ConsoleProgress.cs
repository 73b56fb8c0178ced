using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Engine.Results;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>
/// Progress of a long run on standard error: nothing during the first second, then one line at most every second
/// (percentage of bars, the session reached). Engines report at session closes, so this costs nothing per bar.
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, long totalBars) : IProgress<RunProgress>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private bool _shown;

    public void Report(RunProgress value)
    {
        var now = _clock.Elapsed;
        if (now < Quiet || now - _last < Quiet)
        {
            return;
        }

        _last = now;
        _shown = true;
        double pct = totalBars > 0 ? 100.0 * value.BarsProcessed / totalBars : 0;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  running: {pct,5:F1}% of {totalBars:N0} bars, session {value.SessionDate:yyyy-MM-dd}, {now.TotalSeconds:F0} s"));
    }

    public void Done()
    {
        if (_shown)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  running: done in {_clock.Elapsed.TotalSeconds:F1} s"));
        }
    }
}
