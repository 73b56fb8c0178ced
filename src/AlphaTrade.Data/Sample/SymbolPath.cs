namespace AlphaTrade.Data.Sample;

/// <summary>
/// One symbol's exact (unrounded) log-price path on the bar grid, with what the bar synthesiser needs to draw
/// highs, lows and volumes: each bar's conditional variance and any jump in it.
/// </summary>
internal sealed class SymbolPath
{
    /// <summary>Allocates a path of <paramref name="days"/> days and <paramref name="bars"/> bars.</summary>
    public SymbolPath(int days, int bars)
    {
        LogOpen = new double[bars];
        LogClose = new double[bars];
        Variance = new double[bars];
        JumpAbs = new double[bars];
        GapVariance = new double[days];
        DayJumpAbs = new double[days];
    }

    /// <summary>Log of the price before the first opening gap.</summary>
    public double LogStart { get; set; }

    /// <summary>Log open of each bar.</summary>
    public double[] LogOpen { get; }

    /// <summary>Log close of each bar.</summary>
    public double[] LogClose { get; }

    /// <summary>Conditional variance of each bar's open-to-close log return.</summary>
    public double[] Variance { get; }

    /// <summary>Absolute log size of a jump inside (or, for the first bar, before) each bar; 0 when none.</summary>
    public double[] JumpAbs { get; }

    /// <summary>Conditional variance of each day's opening gap.</summary>
    public double[] GapVariance { get; }

    /// <summary>Absolute size of the day's jump, 0 when none.</summary>
    public double[] DayJumpAbs { get; }

    /// <summary>Unconditional variance of a full day's log return (sets the day-volume reference).</summary>
    public double UnconditionalDailyVariance { get; set; }
}
