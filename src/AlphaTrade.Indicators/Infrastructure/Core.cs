namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>
/// One bar as an indicator core sees it: the bar's columns plus the mapped real series (TA-Lib's inReal,
/// inReal0/inReal1). Only the fields the indicator reads are guaranteed to be filled.
/// </summary>
internal struct Tick
{
    /// <summary>Bar start, UTC ticks.</summary>
    public long Time;

    /// <summary>Open.</summary>
    public double Open;

    /// <summary>High.</summary>
    public double High;

    /// <summary>Low.</summary>
    public double Low;

    /// <summary>Close.</summary>
    public double Close;

    /// <summary>Volume.</summary>
    public double Volume;

    /// <summary>First real series (inReal, inReal0).</summary>
    public double R0;

    /// <summary>Second real series (inReal1, inPeriods).</summary>
    public double R1;
}

/// <summary>
/// The per-bar state machine of an indicator: one implementation serves both the batch form (a generic loop the
/// JIT specialises per core, so calls inline) and the streaming form, so the two cannot disagree.
/// </summary>
internal interface ICore
{
    /// <summary>Returns to the state before the first bar.</summary>
    void Reset();

    /// <summary>
    /// Consumes one valid bar and writes every output into <paramref name="output"/>. Values written during the
    /// warm-up are ignored by the caller (it writes NaN there), so cores need not track readiness themselves.
    /// </summary>
    void Update(in Tick t, Span<double> output);
}
