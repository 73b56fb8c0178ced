using AlphaTrade.Analytics.Inputs;

namespace AlphaTrade.Analytics.Metrics;

/// <summary>
/// Statistics of closed round-trip trades. A winner has net P&amp;L &gt; 0, a loser &lt; 0; flat trades count in
/// <see cref="Count"/> only. Formulas: docs/metrics.md.
/// </summary>
public sealed record TradeStatistics
{
    /// <summary>Number of round trips.</summary>
    public required int Count { get; init; }

    /// <summary>Trades with net P&amp;L &gt; 0.</summary>
    public required int Winners { get; init; }

    /// <summary>Trades with net P&amp;L &lt; 0.</summary>
    public required int Losers { get; init; }

    /// <summary>Winners ÷ count.</summary>
    public required double WinRate { get; init; }

    /// <summary>Sum of winning net P&amp;L ÷ |sum of losing net P&amp;L|.</summary>
    public required double ProfitFactor { get; init; }

    /// <summary>Mean net P&amp;L per trade (account currency).</summary>
    public required double Expectancy { get; init; }

    /// <summary>Mean net P&amp;L of winners.</summary>
    public required double AverageWin { get; init; }

    /// <summary>Mean net P&amp;L of losers (negative).</summary>
    public required double AverageLoss { get; init; }

    /// <summary>Average win ÷ |average loss|.</summary>
    public required double PayoffRatio { get; init; }

    /// <summary>Largest single net profit.</summary>
    public required double LargestWin { get; init; }

    /// <summary>Largest single net loss (negative).</summary>
    public required double LargestLoss { get; init; }

    /// <summary>Sum of net P&amp;L.</summary>
    public required double TotalNetPnl { get; init; }

    /// <summary>Sum of fees.</summary>
    public required double TotalFees { get; init; }

    /// <summary>Mean net return on entry value per trade.</summary>
    public required double AverageReturnOnEntry { get; init; }

    /// <summary>Mean time from entry to exit.</summary>
    public required TimeSpan AverageHoldingTime { get; init; }

    /// <summary>Long round trips.</summary>
    public required int LongCount { get; init; }

    /// <summary>Short round trips.</summary>
    public required int ShortCount { get; init; }

    /// <summary>Win rate of long trades (NaN when none).</summary>
    public required double LongWinRate { get; init; }

    /// <summary>Win rate of short trades (NaN when none).</summary>
    public required double ShortWinRate { get; init; }

    /// <summary>Longest run of consecutive winners, in exit-time order.</summary>
    public required int MaxConsecutiveWins { get; init; }

    /// <summary>Longest run of consecutive losers, in exit-time order.</summary>
    public required int MaxConsecutiveLosses { get; init; }

    /// <summary>
    /// Annualised one-way turnover: (Σ entry value + Σ exit value) ÷ 2 ÷ mean equity × (periods per year ÷ periods);
    /// NaN when no equity curve was given.
    /// </summary>
    public required double AnnualTurnover { get; init; }

    /// <summary>Computes the statistics; <paramref name="curve"/> and <paramref name="options"/> enable turnover.</summary>
    public static TradeStatistics Compute(IReadOnlyList<TradeRecord> trades, EquityCurve? curve = null, MetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trades);
        int count = trades.Count, winners = 0, losers = 0, longs = 0, shorts = 0, longWins = 0, shortWins = 0;
        double winSum = 0, lossSum = 0, total = 0, fees = 0, largestWin = 0, largestLoss = 0, retSum = 0, traded = 0;
        long holdTicks = 0;
        foreach (var t in trades)
        {
            total += t.NetPnl;
            fees += t.Fees;
            retSum += t.ReturnOnEntry;
            holdTicks += t.ExitTimeUtcTicks - t.EntryTimeUtcTicks;
            traded += t.EntryNotional + t.ExitNotional;
            bool win = t.NetPnl > 0;
            if (win)
            {
                winners++;
                winSum += t.NetPnl;
                largestWin = Math.Max(largestWin, t.NetPnl);
            }
            else if (t.NetPnl < 0)
            {
                losers++;
                lossSum += t.NetPnl;
                largestLoss = Math.Min(largestLoss, t.NetPnl);
            }

            if (t.Side == TradeSide.Long)
            {
                longs++;
                longWins += win ? 1 : 0;
            }
            else
            {
                shorts++;
                shortWins += win ? 1 : 0;
            }
        }

        int maxW = 0, maxL = 0, runW = 0, runL = 0;
        foreach (var t in trades.OrderBy(t => t.ExitTimeUtcTicks))
        {
            runW = t.NetPnl > 0 ? runW + 1 : 0;
            runL = t.NetPnl < 0 ? runL + 1 : 0;
            maxW = Math.Max(maxW, runW);
            maxL = Math.Max(maxL, runL);
        }

        double turnover = double.NaN;
        if (curve is not null && options is not null)
        {
            double meanEquity = ReturnMath.Mean(curve.Equity);
            turnover = traded / 2.0 / meanEquity * (options.PeriodsPerYear / curve.ReturnCount);
        }

        double avgWin = winners > 0 ? winSum / winners : double.NaN;
        double avgLoss = losers > 0 ? lossSum / losers : double.NaN;
        return new TradeStatistics
        {
            Count = count,
            Winners = winners,
            Losers = losers,
            WinRate = count > 0 ? (double)winners / count : double.NaN,
            ProfitFactor = PerformanceCalculator.Ratio(winSum, -lossSum),
            Expectancy = count > 0 ? total / count : double.NaN,
            AverageWin = avgWin,
            AverageLoss = avgLoss,
            PayoffRatio = winners > 0 && losers > 0 ? avgWin / -avgLoss : double.NaN,
            LargestWin = largestWin,
            LargestLoss = largestLoss,
            TotalNetPnl = total,
            TotalFees = fees,
            AverageReturnOnEntry = count > 0 ? retSum / count : double.NaN,
            AverageHoldingTime = count > 0 ? TimeSpan.FromTicks(holdTicks / count) : TimeSpan.Zero,
            LongCount = longs,
            ShortCount = shorts,
            LongWinRate = longs > 0 ? (double)longWins / longs : double.NaN,
            ShortWinRate = shorts > 0 ? (double)shortWins / shorts : double.NaN,
            MaxConsecutiveWins = maxW,
            MaxConsecutiveLosses = maxL,
            AnnualTurnover = turnover,
        };
    }
}
