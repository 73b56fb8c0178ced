using System.Globalization;
using AlphaTrade.Backtest.Vectorized;
using AlphaTrade.Cli.Optimize;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Training;
using AlphaTrade.Risk;

namespace AlphaTrade.Cli.Training;

/// <summary>The after-cost trading result of one fold's out-of-sample predictions (or of all folds chained).</summary>
internal sealed record FoldTrading(double Sharpe, double Return, double Turnover, double Costs, int Steps);

/// <summary>
/// Trades each fold's out-of-sample predictions through the vectorized backtest engine with the configured costs:
/// every <c>rebalance</c> bars of the test period, long the top k symbols by prediction and short the bottom k
/// (half the equity each side, equal weights), flat where a symbol has no prediction; orders fill at the next bar's
/// open, so a prediction made with a bar's features trades only after that bar. Metrics per fold: annualised Sharpe
/// of the per-bar equity returns, total return, turnover (sum of |Δ target weight|, in multiples of equity) and
/// costs (commission, fees and borrow as a share of the starting capital).
/// </summary>
internal sealed class FoldBacktest
{
    private readonly IReadOnlyList<BarSeries> _series;
    private readonly SimulationSettings _simulation;
    private readonly double _periodsPerYear;

    public FoldBacktest(IReadOnlyList<BarSeries> series, TimeFrame timeFrame, SimulationSettings simulation, int topK, int rebalance)
    {
        _series = series;
        _simulation = simulation;
        _periodsPerYear = Annualization.PeriodsPerYear(timeFrame);
        TopK = topK;
        Rebalance = rebalance;
    }

    /// <summary>Symbols held long (and short) at each rebalance; 0 picks a fifth of those with predictions (at least 1).</summary>
    public int TopK { get; }

    /// <summary>Bars between rebalances.</summary>
    public int Rebalance { get; }

    /// <summary>Per-bar equity returns of every fold, in fold order (for the chained total).</summary>
    public List<double[]> FoldReturns { get; } = [];

    /// <summary>Adds bt_sharpe, bt_return, bt_turnover and bt_costs to every fold's metrics.</summary>
    public EvaluationResult Augment(Dataset data, EvaluationResult evaluation)
    {
        FoldReturns.Clear();
        var folds = new List<FoldResult>(evaluation.Folds.Count);
        foreach (var fold in evaluation.Folds)
        {
            var t = Run(data, evaluation.Predictions, fold.TestStart, fold.TestEnd, out var returns);
            FoldReturns.Add(returns);
            var m = new Dictionary<string, double>(fold.Metrics, StringComparer.Ordinal)
            {
                ["bt_sharpe"] = t.Sharpe, ["bt_return"] = t.Return, ["bt_turnover"] = t.Turnover, ["bt_costs"] = t.Costs,
            };
            folds.Add(fold with { Metrics = m });
        }

        return evaluation with { Folds = folds };
    }

    /// <summary>All folds chained: Sharpe of the concatenated per-bar returns, compounded return, summed turnover and costs.</summary>
    public FoldTrading Total(EvaluationResult augmented)
    {
        var all = FoldReturns.SelectMany(r => r).ToArray();
        double total = FoldReturns.Aggregate(1.0, (acc, r) => acc * r.Aggregate(1.0, (a, x) => a * (1 + x))) - 1;
        return new FoldTrading(Sharpe(all), total, augmented.Folds.Sum(f => f.Metrics["bt_turnover"]), augmented.Folds.Sum(f => f.Metrics["bt_costs"]), all.Length);
    }

    private FoldTrading Run(Dataset data, double[] predictions, long testStart, long testEnd, out double[] returns)
    {
        var bars = AlignedBars.Create(_series, new DateTime(testStart, DateTimeKind.Utc), new DateTime(testEnd + 1, DateTimeKind.Utc));
        int rows = bars.Rows, cols = bars.Columns;
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < cols; c++)
        {
            column[bars.Symbols[c]] = c;
        }

        var weights = new double[(long)rows * cols];
        var times = bars.Times;
        int r0 = Array.BinarySearch(data.Timestamps, testStart);
        while (r0 > 0 && data.Timestamps[r0 - 1] == testStart)
        {
            r0--;
        }

        r0 = r0 < 0 ? ~r0 : r0;
        double turnover = 0;
        var current = new double[cols];
        int row = r0;
        for (int i = 0; i < rows; i++)
        {
            long time = times[i];
            while (row < data.RowCount && data.Timestamps[row] < time)
            {
                row++;
            }

            int end = row;
            while (end < data.RowCount && data.Timestamps[end] == time)
            {
                end++;
            }

            if (i % Rebalance == 0 && end > row)
            {
                var ranked = Enumerable.Range(row, end - row).Where(k => !double.IsNaN(predictions[k]) && column.ContainsKey(data.Symbols[k]))
                    .OrderBy(k => predictions[k]).ThenBy(k => data.Symbols[k], StringComparer.Ordinal).ToArray();
                int k = TopK > 0 ? TopK : Math.Max(1, ranked.Length / 5);
                var next = new double[cols];
                if (ranked.Length >= 2 * k)
                {
                    for (int j = 0; j < k; j++)
                    {
                        next[column[data.Symbols[ranked[j]]]] = -0.5 / k;
                        next[column[data.Symbols[ranked[^(j + 1)]]]] = 0.5 / k;
                    }
                }

                for (int c = 0; c < cols; c++)
                {
                    turnover += Math.Abs(next[c] - current[c]);
                }

                current = next;
            }

            current.CopyTo(weights.AsSpan(i * cols, cols));
            row = end;
        }

        var run = VectorizedBacktester.Run(new VectorizedSpec
        {
            Bars = bars, TargetWeights = weights, Calendar = NyseCalendar.Instance, InitialCapital = _simulation.InitialCapital,
            Margin = _simulation.Margin, Costs = _simulation.Costs, Venue = _simulation.Venue, StrategyName = "ml-folds",
        });
        var equity = run.Equity.Equity;
        returns = new double[equity.Length];
        double previous = (double)run.InitialCapital;
        for (int i = 0; i < equity.Length; i++)
        {
            returns[i] = (equity[i] / previous) - 1.0;
            previous = equity[i];
        }

        var pnl = run.TotalPnl;
        double capital = (double)run.InitialCapital;
        return new FoldTrading(Sharpe(returns), ((double)run.FinalEquity / capital) - 1, turnover, (double)(pnl.Commission + pnl.Fees + pnl.BorrowFees) / capital, returns.Length);
    }

    private double Sharpe(double[] r)
    {
        if (r.Length < 2)
        {
            return double.NaN;
        }

        double mean = r.Average();
        double ss = r.Sum(x => (x - mean) * (x - mean));
        double sd = Math.Sqrt(ss / (r.Length - 1));
        return sd > 0 ? mean / sd * Math.Sqrt(_periodsPerYear) : double.NaN;
    }

    /// <summary>"Sharpe 1.23, return +0.45%, turnover 12.3x, costs 0.12%".</summary>
    public static string Describe(FoldTrading t) => string.Create(CultureInfo.InvariantCulture,
        $"Sharpe {t.Sharpe:F2}, return {t.Return * 100:+0.00;-0.00}%, turnover {t.Turnover:F1}x equity, costs {t.Costs * 100:F3}% of capital");
}
