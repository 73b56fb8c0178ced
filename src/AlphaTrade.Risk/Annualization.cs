using AlphaTrade.Core.Time;

namespace AlphaTrade.Risk;

/// <summary>
/// Converts per-bar statistics to annual and daily ones. A year has <see cref="TradingDaysPerYear"/> sessions; a
/// regular 390-minute session has ⌈390 / minutes⌉ bars (15-minute bars: 26 a day, 6,552 a year).
/// </summary>
public static class Annualization
{
    /// <summary>Trading sessions per year.</summary>
    public const double TradingDaysPerYear = 252.0;

    /// <summary>Minutes in a regular NYSE session.</summary>
    public const int SessionMinutes = 390;

    /// <summary>Bars per regular session: 1 for daily bars, ⌈390 / minutes⌉ intraday.</summary>
    public static double PeriodsPerDay(TimeFrame timeFrame)
    {
        if (timeFrame.Minutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeFrame), timeFrame, "A bar size is needed.");
        }

        return timeFrame.IsDaily ? 1.0 : Math.Ceiling((double)SessionMinutes / timeFrame.Minutes);
    }

    /// <summary>Bars per year: <see cref="PeriodsPerDay"/> × 252.</summary>
    public static double PeriodsPerYear(TimeFrame timeFrame) => PeriodsPerDay(timeFrame) * TradingDaysPerYear;

    /// <summary>Annual volatility from a per-bar standard deviation (square-root-of-time rule).</summary>
    public static double AnnualVolatility(double perBarStd, TimeFrame timeFrame) => perBarStd * Math.Sqrt(PeriodsPerYear(timeFrame));

    /// <summary>Annual mean return from a per-bar mean (arithmetic, × periods per year).</summary>
    public static double AnnualReturn(double perBarMean, TimeFrame timeFrame) => perBarMean * PeriodsPerYear(timeFrame);

    /// <summary>A per-bar covariance matrix scaled to annual (× periods per year).</summary>
    public static double[,] AnnualCovariance(double[,] perBar, TimeFrame timeFrame) => Covariance.Scale(perBar, PeriodsPerYear(timeFrame));
}
