using AlphaTrade.Core.Time;

namespace AlphaTrade.Configuration;

/// <summary>How the platform runs: the same strategy code in each.</summary>
public enum RunMode
{
    /// <summary>Simulated clock and venue over historical bars.</summary>
    Backtest,

    /// <summary>Live data, simulated or broker-paper execution.</summary>
    Paper,

    /// <summary>Live data and a real broker account.</summary>
    Live,
}

/// <summary>Whether vendor timestamps mark the bar's start or its end.</summary>
public enum TimestampLabel
{
    /// <summary>Timestamp is the bar's start (IBKR, Alpaca, most vendors).</summary>
    Start,

    /// <summary>Timestamp is the bar's end.</summary>
    End,
}

/// <summary>What to do with a malformed row.</summary>
public enum BadRowPolicy
{
    /// <summary>Stop with file:line and what was expected.</summary>
    Fail,

    /// <summary>Skip the row, count it and report it.</summary>
    Skip,
}

/// <summary>What to do with bars outside the regular session.</summary>
public enum ExtendedHoursPolicy
{
    /// <summary>Drop pre- and post-market bars.</summary>
    Drop,

    /// <summary>Keep them, flagged.</summary>
    Keep,
}

/// <summary>What to do with bars missing from the session grid.</summary>
public enum MissingBarPolicy
{
    /// <summary>Leave the gap (reported).</summary>
    Leave,

    /// <summary>Insert a flat, zero-volume bar at the previous close, flagged.</summary>
    Flat,
}

/// <summary>Which of several bars with the same timestamp to keep.</summary>
public enum DuplicatePolicy
{
    /// <summary>The first in file order.</summary>
    KeepFirst,

    /// <summary>The last in file order (vendors append corrections).</summary>
    KeepLast,
}

/// <summary>Commission schedule.</summary>
public enum CommissionKind
{
    /// <summary>Per share with a per-order minimum and a cap (IBKR fixed).</summary>
    PerShare,

    /// <summary>A share of notional.</summary>
    Percent,

    /// <summary>Zero commission; regulatory fees on sales still apply.</summary>
    Zero,
}

/// <summary>Slippage model.</summary>
public enum SlippageKind
{
    /// <summary>Fixed basis points against the trader.</summary>
    FixedBps,

    /// <summary>Half the spread estimated from bars (Corwin–Schultz).</summary>
    HalfSpread,

    /// <summary>Square-root market impact k·σ·√(Q/ADV).</summary>
    SqrtImpact,
}

/// <summary>Account type for buying power.</summary>
public enum AccountType
{
    /// <summary>Cash account: 1x buying power, no shorting.</summary>
    Cash,

    /// <summary>Reg T margin account: 2x overnight, 4x intraday.</summary>
    Margin,
}

/// <summary>Log verbosity.</summary>
public enum LogLevel
{
    /// <summary>Everything.</summary>
    Trace,

    /// <summary>Diagnostics.</summary>
    Debug,

    /// <summary>Normal operation.</summary>
    Info,

    /// <summary>Problems that did not stop the run.</summary>
    Warning,

    /// <summary>Failures.</summary>
    Error,
}

/// <summary>Log line format.</summary>
public enum LogFormat
{
    /// <summary>Human-readable lines.</summary>
    Text,

    /// <summary>One JSON object per line.</summary>
    Json,
}

/// <summary>What a tripped drawdown limit or circuit breaker does.</summary>
public enum ProtectiveAction
{
    /// <summary>Close every position and stop trading.</summary>
    Flatten,

    /// <summary>Stop opening risk; keep positions.</summary>
    Halt,
}

/// <summary>The <c>data</c> section.</summary>
public sealed record DataSettings(
    string RawDir,
    string ProcessedDir,
    string SampleDir,
    TimeFrame TimeFrame,
    TimestampLabel TimestampLabel,
    BadRowPolicy BadRows,
    ExtendedHoursPolicy ExtendedHours,
    MissingBarPolicy MissingBars,
    DuplicatePolicy Duplicates,
    double OutlierZScore,
    bool Cache);

/// <summary>The <c>exchange</c> section.</summary>
public sealed record ExchangeSettings(string Calendar, string TimeZone);

/// <summary>The <c>sample</c> section: the generated market used when no data is present.</summary>
public sealed record SampleSettings(int Seed, DateOnly Start, DateOnly End);

/// <summary>The <c>backtest</c> section.</summary>
public sealed record BacktestSettings(decimal InitialCapital, string DefaultStrategy, DateOnly? Start, DateOnly? End, string ResultsDir);

/// <summary>The <c>account</c> section.</summary>
public sealed record AccountSettings(AccountType Type);

/// <summary>The <c>costs</c> section: defaults of the plug-in cost models.</summary>
public sealed record CostSettings(
    CommissionKind Commission,
    decimal PerShare,
    decimal MinPerOrder,
    decimal MaxPctOfValue,
    decimal Percent,
    decimal SecFeeRate,
    decimal FinraTafPerShare,
    decimal FinraTafMax,
    SlippageKind Slippage,
    double SlippageBps,
    double ImpactK,
    double ParticipationCap,
    double BorrowFeeAnnual,
    double CashInterestAnnual,
    double DebitInterestAnnual);

/// <summary>The <c>logging</c> section.</summary>
public sealed record LoggingSettings(LogLevel Level, string Dir, LogFormat Format);

/// <summary>Everything in <c>config/settings.yaml</c>.</summary>
public sealed record Settings(
    RunMode Mode,
    DataSettings Data,
    ExchangeSettings Exchange,
    SampleSettings Sample,
    BacktestSettings Backtest,
    AccountSettings Account,
    CostSettings Costs,
    LoggingSettings Logging);

/// <summary>Everything in <c>config/risk_params.yaml</c> (the <c>risk</c> section for overrides).</summary>
public sealed record RiskParams(
    double MaxPositionPct,
    double MaxSectorPct,
    double MaxGrossExposure,
    double MaxNetExposure,
    double MaxDrawdownPct,
    ProtectiveAction DrawdownAction,
    double DailyLossLimitPct,
    double CircuitBreakerPct,
    ProtectiveAction CircuitBreakerAction,
    double MaxVarPct,
    double VarConfidence,
    decimal MaxOrderNotional,
    int MaxOrderShares,
    decimal MinOrderNotional,
    double PriceBandPct,
    int MaxOrdersPerMinute,
    bool AllowShort,
    IReadOnlyList<string> Restricted,
    IReadOnlyList<string> ShortRestricted);
