namespace AlphaTrade.Data.Sample;

/// <summary>Parameters of one regime of the sample market's Markov chain.</summary>
/// <param name="AnnualDrift">Drift of the market factor's log price per year (252 days).</param>
/// <param name="MarketVolMultiplier">Multiplier on the market factor's GARCH volatility.</param>
/// <param name="IdiosyncraticVolMultiplier">Multiplier on every stock's idiosyncratic GARCH volatility.</param>
/// <param name="ExpectedDurationDays">Mean stay in days: the chain leaves with probability 1/duration each day.</param>
public sealed record SampleRegimeSpec(
    double AnnualDrift,
    double MarketVolMultiplier,
    double IdiosyncraticVolMultiplier,
    double ExpectedDurationDays);

/// <summary>Parameters of one GARCH(1,1) variance process on daily innovations.</summary>
/// <param name="DailyVol">Unconditional daily standard deviation; ω = DailyVol²·(1 − α − β).</param>
/// <param name="Alpha">Reaction α to yesterday's squared innovation.</param>
/// <param name="Beta">Persistence β of yesterday's variance.</param>
public sealed record SampleGarchSpec(double DailyVol, double Alpha, double Beta)
{
    /// <summary>α + β: how slowly a volatility shock fades (0.97–0.99 is typical of equities).</summary>
    public double Persistence => Alpha + Beta;
}

/// <summary>
/// Every number of the sample market model (see docs/sample-market.md for the equations). The defaults are the
/// calibrated model; tests and experiments may override single values with <c>with</c>.
/// </summary>
public sealed record SampleModel
{
    /// <summary>The calibrated default model.</summary>
    public static SampleModel Default { get; } = new();

    /// <summary>Degrees of freedom ν of the unit-variance Student-t shocks of every component.</summary>
    public double StudentTDegreesOfFreedom { get; init; } = 5.0;

    /// <summary>Share of a full day's variance that falls overnight (close to next open).</summary>
    public double OvernightVarianceShare { get; init; } = 0.2;

    /// <summary>GARCH of the market factor (daily vol before regime multipliers).</summary>
    public SampleGarchSpec MarketGarch { get; init; } = new(0.0095, 0.08, 0.90);

    /// <summary>GARCH persistence and reaction of every sector factor (their daily vol comes from the sector table).</summary>
    public SampleGarchSpec SectorGarch { get; init; } = new(0.007, 0.06, 0.92);

    /// <summary>GARCH persistence and reaction of every idiosyncratic component (daily vol from the symbol table).</summary>
    public SampleGarchSpec IdiosyncraticGarch { get; init; } = new(0.013, 0.07, 0.91);

    /// <summary>Bull regime.</summary>
    public SampleRegimeSpec Bull { get; init; } = new(0.30, 0.80, 0.90, 60);

    /// <summary>Bear regime.</summary>
    public SampleRegimeSpec Bear { get; init; } = new(-0.40, 1.60, 1.25, 30);

    /// <summary>Sideways regime.</summary>
    public SampleRegimeSpec Sideways { get; init; } = new(0.02, 1.00, 1.00, 35);

    /// <summary>On leaving Bull, probability of going to Bear (else Sideways).</summary>
    public double BullToBear { get; init; } = 0.3;

    /// <summary>On leaving Bear, probability of going to Bull (else Sideways).</summary>
    public double BearToBull { get; init; } = 0.5;

    /// <summary>On leaving Sideways, probability of going to Bull (else Bear).</summary>
    public double SidewaysToBull { get; init; } = 0.6;

    /// <summary>Extra variance density at the open: f(t) = 1 + a·e^(−t/τ) + b·e^(−(L−t)/τ), this is a.</summary>
    public double OpenVolBoost { get; init; } = 2.5;

    /// <summary>Extra variance density at the close (b of the variance U-shape).</summary>
    public double CloseVolBoost { get; init; } = 1.0;

    /// <summary>Decay τ of the variance U-shape, in minutes.</summary>
    public double VolShapeMinutes { get; init; } = 25;

    /// <summary>Extra volume density at the open (a of the volume U-shape).</summary>
    public double OpenVolumeBoost { get; init; } = 1.8;

    /// <summary>Extra volume density at the close (b of the volume U-shape).</summary>
    public double CloseVolumeBoost { get; init; } = 2.6;

    /// <summary>Decay τ of the volume U-shape, in minutes.</summary>
    public double VolumeShapeMinutes { get; init; } = 20;

    /// <summary>Standard deviation of the log day-level volume noise.</summary>
    public double DailyVolumeNoise { get; init; } = 0.2;

    /// <summary>Standard deviation of the log bar-level volume noise.</summary>
    public double BarVolumeNoise { get; init; } = 0.25;

    /// <summary>Elasticity of day volume to the day's conditional volatility relative to its long-run level.</summary>
    public double VolumeVolElasticity { get; init; } = 0.6;

    /// <summary>Expected idiosyncratic jumps per symbol per year (252 days); at most one per day.</summary>
    public double JumpsPerYear { get; init; } = 3.0;

    /// <summary>Mean absolute log size of a jump.</summary>
    public double JumpMeanAbsSize { get; init; } = 0.045;

    /// <summary>Standard deviation of the absolute log size of a jump (floored at 1.5%).</summary>
    public double JumpSizeSd { get; init; } = 0.02;

    /// <summary>Probability that a jump is negative.</summary>
    public double JumpDownProbability { get; init; } = 0.55;

    /// <summary>Share of jumps that happen overnight (earnings-like gaps); the rest land on a random intraday bar.</summary>
    public double OvernightJumpShare { get; init; } = 0.5;

    /// <summary>Standard deviation of each stock's own annual drift (alpha), drawn once per symbol.</summary>
    public double AnnualAlphaSd { get; init; } = 0.05;

    /// <summary>Range of sector-factor loadings drawn per symbol (uniform).</summary>
    public (double Min, double Max) SectorBetaRange { get; init; } = (0.8, 1.2);

    /// <summary>
    /// Daily log returns of the market factor over the planted crash, in order (the daily totals are pinned exactly).
    /// Default: −1.5%, −2.5%, −6.5% (the worst day), +2%, −3%, −4%, −1.5%: about −15.6% peak to trough.
    /// </summary>
    public IReadOnlyList<double> CrashDailyLogReturns { get; init; } = [-0.015, -0.025, -0.065, 0.020, -0.030, -0.040, -0.015];

    /// <summary>Where in the period the crash starts, as a range of fractions of the trading days (uniform).</summary>
    public (double Min, double Max) CrashPosition { get; init; } = (0.45, 0.70);

    /// <summary>Market volatility multiplier on crash days.</summary>
    public double CrashVolMultiplier { get; init; } = 1.8;

    /// <summary>Extra market volatility after the crash, decaying as e^(−days/<see cref="CrashVolDecayDays"/>).</summary>
    public double PostCrashVolBoost { get; init; } = 0.8;

    /// <summary>Decay of the post-crash volatility boost, in days.</summary>
    public double CrashVolDecayDays { get; init; } = 10;

    /// <summary>Share of the worst crash day's drop taken in the overnight gap; the rest is an intraday waterfall.</summary>
    public double CrashGapShare { get; init; } = 0.2;

    /// <summary>Number of cointegrated pairs planted inside sectors (fewer when the universe lacks room).</summary>
    public int PairCount { get; init; } = 4;

    /// <summary>Range of spread half-lives, in full trading days (uniform); in bars: days × bars per full session.</summary>
    public (double Min, double Max) PairHalfLifeDays { get; init; } = (2.0, 5.0);

    /// <summary>Range of the spread's stationary standard deviation (uniform, log units).</summary>
    public (double Min, double Max) PairSpreadSd { get; init; } = (0.012, 0.025);

    /// <summary>Daily standard deviation of the benchmark's tracking noise around the market factor.</summary>
    public double BenchmarkTrackingVol { get; init; } = 0.0005;
}
