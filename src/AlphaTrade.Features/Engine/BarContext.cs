namespace AlphaTrade.Features.Engine;

/// <summary>
/// One bar with what every feature family needs to know about its place in time: the session it belongs to, the
/// previous close, the session's running range and the previous session's range, and the shared ATR. Built by
/// <see cref="BarContextTracker"/> from the bars up to and including this one only.
/// </summary>
internal struct BarContext
{
    /// <summary>Bar start, UTC ticks.</summary>
    public long Time;

    /// <summary>When the bar is complete and its features can be acted on: bar end (capped at the session close), UTC ticks.</summary>
    public long DecisionTime;

    public double Open;
    public double High;
    public double Low;
    public double Close;
    public double Volume;

    /// <summary>Close of the previous bar (NaN on the first bar).</summary>
    public double PrevClose;

    /// <summary>ln(close / previous close) (NaN on the first bar or when either is not positive).</summary>
    public double LogReturn;

    /// <summary>True on the first bar of a session (the bar that carries the overnight gap).</summary>
    public bool NewSession;

    /// <summary>True when the bar lies inside a regular session.</summary>
    public bool InSession;

    /// <summary>True when the bar is the last of its session by the calendar (known at the bar's start).</summary>
    public bool LastBarOfSession;

    /// <summary>True on a scheduled early-close session.</summary>
    public bool EarlyClose;

    /// <summary>Sessions seen before this bar's session (0 for the first).</summary>
    public int DayIndex;

    /// <summary>Index of the bar in its session (0 for the first bar seen in it).</summary>
    public int BarInSession;

    /// <summary>Minutes from the session open to the bar start (NaN outside a session).</summary>
    public double MinutesFromOpen;

    /// <summary>Session length in minutes (NaN outside a session).</summary>
    public double SessionMinutes;

    /// <summary>Exchange-local session date.</summary>
    public DateOnly Date;

    /// <summary>Open of the session's first bar.</summary>
    public double SessionOpen;

    /// <summary>Highest high of the session so far, this bar included.</summary>
    public double SessionHigh;

    /// <summary>Lowest low of the session so far, this bar included.</summary>
    public double SessionLow;

    /// <summary>Volume of the session so far, this bar included.</summary>
    public double SessionVolume;

    /// <summary>Last close of the previous session (NaN in the first session).</summary>
    public double PrevSessionClose;

    /// <summary>High of the previous session.</summary>
    public double PrevSessionHigh;

    /// <summary>Low of the previous session.</summary>
    public double PrevSessionLow;

    /// <summary>Trading sessions left in the calendar month after this bar's session (from the calendar, known in advance).</summary>
    public int SessionsLeftInMonth;

    /// <summary>Average true range over the feature set's ATR period (NaN during warm-up).</summary>
    public double Atr;
}
