namespace AlphaTrade.Data.Sample;

/// <summary>How one symbol of the sample market was generated.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="Sector">Sector (the benchmark reports "Benchmark").</param>
/// <param name="StartPrice">Price the path starts from (before the first overnight gap).</param>
/// <param name="MarketBeta">Loading on the market factor.</param>
/// <param name="SectorBeta">Loading on its sector factor (0 for the benchmark).</param>
/// <param name="IdiosyncraticDailyVol">Unconditional daily standard deviation of its own GARCH component.</param>
/// <param name="AnnualAlpha">Its own drift per year, on top of the market's.</param>
/// <param name="AverageDailyVolume">Typical full-day volume in shares.</param>
/// <param name="PairedWith">
/// For the second leg of a planted pair, the first leg: this symbol's returns are then the first leg's plus the
/// spread's, and its loadings are the first leg's. Null otherwise.
/// </param>
public sealed record SampleSymbolProfile(
    string Symbol,
    string Sector,
    double StartPrice,
    double MarketBeta,
    double SectorBeta,
    double IdiosyncraticDailyVol,
    double AnnualAlpha,
    double AverageDailyVolume,
    string? PairedWith);

/// <summary>The sector factor of one sector.</summary>
/// <param name="Sector">Sector name.</param>
/// <param name="DailyVol">Unconditional daily standard deviation of the factor.</param>
public sealed record SampleSectorProfile(string Sector, double DailyVol);

/// <summary>The regime of one trading day.</summary>
/// <param name="Date">Session date (New York).</param>
/// <param name="Regime">The hidden regime that set the market's drift and volatility that day.</param>
public readonly record struct SampleDayRegime(DateOnly Date, SampleRegime Regime);

/// <summary>The planted crash: a multi-day market drawdown with one very bad day.</summary>
/// <param name="StartDate">First crash day.</param>
/// <param name="WorstDate">The day of the largest single-day drop (mostly an intraday waterfall).</param>
/// <param name="EndDate">Last crash day (the trough close).</param>
/// <param name="PlannedDailyLogReturns">The market factor's pinned daily log returns, StartDate..EndDate.</param>
/// <param name="PlannedDepth">Planned peak-to-trough simple return of the market factor (negative).</param>
/// <param name="BenchmarkDepth">Realised benchmark drawdown: min close of the crash days over the close before it, minus 1.</param>
/// <param name="BenchmarkWorstDayReturn">Realised benchmark close-to-close simple return on <paramref name="WorstDate"/>.</param>
/// <param name="BenchmarkWorstIntradayDrop">Realised benchmark lowest low on <paramref name="WorstDate"/> over the previous close, minus 1.</param>
public sealed record SampleCrash(
    DateOnly StartDate,
    DateOnly WorstDate,
    DateOnly EndDate,
    IReadOnlyList<double> PlannedDailyLogReturns,
    double PlannedDepth,
    double BenchmarkDepth,
    double BenchmarkWorstDayReturn,
    double BenchmarkWorstIntradayDrop);

/// <summary>
/// A planted cointegrated pair: price_B = HedgeRatio · price_A · exp(s), with s an Ornstein-Uhlenbeck spread
/// stepped once per bar: s' = φ·s + σ_ε·ε, φ = 2^(−1/HalfLifeBars), stationary sd <see cref="SpreadSd"/>.
/// </summary>
/// <param name="Sector">Shared sector.</param>
/// <param name="SymbolA">First leg (generated from the factor model).</param>
/// <param name="SymbolB">Second leg (first leg times hedge times exp(spread)).</param>
/// <param name="HedgeRatio">Price ratio B/A when the spread is zero.</param>
/// <param name="HalfLifeDays">Spread half-life in full trading days.</param>
/// <param name="HalfLifeBars">Spread half-life in bars of the generated time frame.</param>
/// <param name="SpreadSd">Stationary standard deviation of the log spread.</param>
public sealed record SamplePair(
    string Sector,
    string SymbolA,
    string SymbolB,
    double HedgeRatio,
    double HalfLifeDays,
    double HalfLifeBars,
    double SpreadSd);

/// <summary>A real, permanent price jump (unlike a <see cref="SampleFaultKind.Spike"/>, it does not revert).</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="TimeUtc">Start of the bar that contains it (for an overnight jump: the session's first bar, in its open).</param>
/// <param name="LogSize">Size as a log return.</param>
/// <param name="Overnight">True when the jump is in the opening gap rather than inside the bar.</param>
public readonly record struct SampleJump(string Symbol, DateTime TimeUtc, double LogSize, bool Overnight);

/// <summary>A fault planted in the raw data, for testing cleaning rules.</summary>
/// <param name="Symbol">Ticker of the affected file.</param>
/// <param name="TimeUtc">Bar start of the (first) affected row; see <see cref="SampleFaultKind"/> for each kind's meaning.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Count">Number of bars involved (missing, inserted or swapped).</param>
/// <param name="Value">A kind-specific number: the split ratio, the spike's relative size, the written bad value.</param>
/// <param name="Detail">One line describing the fault.</param>
public sealed record SampleFault(string Symbol, DateTime TimeUtc, SampleFaultKind Kind, int Count, double Value, string Detail);

/// <summary>Everything the sample market planted, for tests of every later layer.</summary>
/// <param name="Seed">The run seed.</param>
/// <param name="Benchmark">Benchmark ticker.</param>
/// <param name="Sectors">Sector factors in first-seen universe order.</param>
/// <param name="Symbols">Per-symbol generation profile, universe order, then the benchmark.</param>
/// <param name="Regimes">The regime of every trading day.</param>
/// <param name="Crash">The planted crash, or null when the period was too short to hold one or planting was off.</param>
/// <param name="Pairs">Planted cointegrated pairs.</param>
/// <param name="Jumps">Real jumps, by symbol in universe order then time.</param>
/// <param name="Faults">Planted data faults (empty when faults are off), by symbol then time.</param>
public sealed record SampleGroundTruth(
    int Seed,
    string Benchmark,
    IReadOnlyList<SampleSectorProfile> Sectors,
    IReadOnlyList<SampleSymbolProfile> Symbols,
    IReadOnlyList<SampleDayRegime> Regimes,
    SampleCrash? Crash,
    IReadOnlyList<SamplePair> Pairs,
    IReadOnlyList<SampleJump> Jumps,
    IReadOnlyList<SampleFault> Faults);
