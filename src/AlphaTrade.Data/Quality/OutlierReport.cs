namespace AlphaTrade.Data.Quality;

/// <summary>A bad tick: the close left its neighbourhood and came back within a bar or two.</summary>
/// <param name="TimeUtc">Start of the first bar away from the neighbourhood.</param>
/// <param name="Bars">Bars away (1 or 2 with the default setting); all are flagged.</param>
/// <param name="Close">The first bad bar's close as supplied.</param>
/// <param name="LogReturn">Log return into the bad bar.</param>
/// <param name="ZScore">Robust z-score of that return.</param>
public sealed record BadTick(DateTime TimeUtc, int Bars, double Close, double LogReturn, double ZScore);

/// <summary>A real jump: an outlying return after which the price held its new level. Kept; reported.</summary>
/// <param name="TimeUtc">Start of the bar that opened the new level.</param>
/// <param name="LogReturn">Log return close to close.</param>
/// <param name="ZScore">Robust z-score of the return.</param>
/// <param name="Overnight">True when the return spans a session boundary.</param>
public sealed record PriceJump(DateTime TimeUtc, double LogReturn, double ZScore, bool Overnight);

/// <summary>Price outliers by the robust z-score rule.</summary>
/// <param name="BadTickBars">Bars flagged as bad ticks.</param>
/// <param name="BadTicks">Every bad tick, in time order.</param>
/// <param name="Jumps">Every real jump, in time order (split boundaries excluded: they are reported as splits).</param>
/// <param name="Replaced">Bad-tick bars replaced by the last good close.</param>
/// <param name="Dropped">Bad-tick bars removed.</param>
public sealed record OutlierReport(int BadTickBars, IReadOnlyList<BadTick> BadTicks, IReadOnlyList<PriceJump> Jumps, int Replaced, int Dropped);
