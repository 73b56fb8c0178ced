using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Cross-sectional factors (type <c>factors</c>) on daily bars, rebalanced at the close every <c>rebalance_days</c>
/// sessions. Per member with enough history: momentum = close[t−<c>skip_days</c>] / close[t−<c>skip_days</c>−<c>momentum_days</c>] − 1
/// (skipping the most recent period), low volatility = −(standard deviation of the last <c>vol_days</c> daily log
/// returns), short-term reversal = −(close[t] / close[t−<c>reversal_days</c>] − 1). Each factor is turned into rank
/// z-scores across the members (average ranks for ties, then standardised); the score is their weighted sum
/// (<c>w_momentum</c>, <c>w_low_vol</c>, <c>w_reversal</c>). Long-only: the top <c>fraction</c> of members in equal
/// weight (gross 1). Long-short: the top fraction long and the bottom fraction short, half the gross each.
/// </summary>
public sealed class CrossSectionalFactors : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "factors";

    private int _momentum, _skip, _vol, _reversal, _rebalance;
    private double _wMom, _wVol, _wRev, _fraction;
    private bool _longShort;
    private long _sessions;
    private long _lastRebalance = int.MinValue;
    private double[] _score = [];

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("momentum_days", 126, 2, 1000, "Momentum lookback, sessions"),
        StrategyParameter.Int("skip_days", 21, 0, 250, "Most recent sessions skipped by momentum"),
        StrategyParameter.Int("vol_days", 63, 2, 1000, "Volatility window, sessions"),
        StrategyParameter.Int("reversal_days", 5, 1, 250, "Short-term reversal window, sessions"),
        StrategyParameter.Real("w_momentum", 1.0, -10, 10, "Weight of the momentum rank z-score"),
        StrategyParameter.Real("w_low_vol", 1.0, -10, 10, "Weight of the low-volatility rank z-score"),
        StrategyParameter.Real("w_reversal", 0.5, -10, 10, "Weight of the short-term reversal rank z-score"),
        StrategyParameter.Choice("mode", "long_only", ["long_only", "long_short"], "Long the top names only, or also short the bottom ones"),
        StrategyParameter.Real("fraction", 0.2, 0.01, 0.5, "Share of members in each leg"),
        StrategyParameter.Int("rebalance_days", 21, 1, 1000, "Sessions between rebalances"),
        .. PipelineParameters.Create("equal", 0.25),
    ];

    /// <summary>Combined scores at the last rebalance, per run symbol id (NaN: not scored).</summary>
    public ReadOnlySpan<double> Scores => _score;

    /// <summary>Every rebalance: its time, longs and shorts (run symbol ids).</summary>
    public IList<(long TimeUtcTicks, int[] Longs, int[] Shorts)> Rebalances { get; } = [];

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _momentum = p.Int("momentum_days");
        _skip = p.Int("skip_days");
        _vol = p.Int("vol_days");
        _reversal = p.Int("reversal_days");
        _wMom = p.Real("w_momentum");
        _wVol = p.Real("w_low_vol");
        _wRev = p.Real("w_reversal");
        _longShort = p.Choice("mode") == "long_short";
        _fraction = p.Real("fraction");
        _rebalance = p.Int("rebalance_days");
        setup.UseTimeFrame(TimeFrame.Daily, Math.Max(_momentum + _skip, Math.Max(_vol, _reversal)) + 2);
        _score = new double[setup.Universe.Symbols.Count];
        Array.Fill(_score, double.NaN);
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
    }

    /// <summary>Momentum, low-vol and reversal raw factor values of one close history; NaN when too short.</summary>
    public static (double Momentum, double LowVol, double Reversal) Factors(ReadOnlySpan<double> close, int momentumDays, int skipDays, int volDays, int reversalDays)
    {
        int t = close.Length - 1;
        double mom = t - skipDays - momentumDays >= 0 ? (close[t - skipDays] / close[t - skipDays - momentumDays]) - 1 : double.NaN;
        double rev = t - reversalDays >= 0 ? -((close[t] / close[t - reversalDays]) - 1) : double.NaN;
        double lowVol = double.NaN;
        if (t - volDays >= 0)
        {
            double sum = 0, sum2 = 0;
            for (int i = t - volDays + 1; i <= t; i++)
            {
                double r = Math.Log(close[i] / close[i - 1]);
                sum += r;
                sum2 += r * r;
            }

            double mean = sum / volDays;
            lowVol = -Math.Sqrt(Math.Max(0, (sum2 - (volDays * mean * mean)) / (volDays - 1)));
        }

        return (mom, lowVol, rev);
    }

    /// <summary>Rank z-scores: average ranks (1-based, ties averaged), standardised to mean 0 and sample sd 1.</summary>
    public static double[] RankZ(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var copy = values.ToArray();
        Array.Sort(order, (a, b) => copy[a].CompareTo(copy[b]));
        var rank = new double[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && copy[order[j + 1]] == copy[order[i]])
            {
                j++;
            }

            double avg = ((i + j) / 2.0) + 1;
            for (int k = i; k <= j; k++)
            {
                rank[order[k]] = avg;
            }

            i = j + 1;
        }

        if (n < 2)
        {
            return new double[n];
        }

        double mean = rank.Average();
        double sd = Math.Sqrt(rank.Sum(r => (r - mean) * (r - mean)) / (n - 1));
        return [.. rank.Select(r => sd > 0 ? (r - mean) / sd : 0)];
    }

    /// <inheritdoc />
    public void OnSessionClose(TradingContext context, TradingSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        _sessions++;
        if (_sessions - _lastRebalance < _rebalance)
        {
            return;
        }

        var daily = context.Market.Daily;
        var ids = new List<int>();
        var mom = new List<double>();
        var vol = new List<double>();
        var rev = new List<double>();
        foreach (int id in context.Universe.Ids)
        {
            var f = Factors(daily.Close(id), _momentum, _skip, _vol, _reversal);
            if (double.IsFinite(f.Momentum) && double.IsFinite(f.LowVol) && double.IsFinite(f.Reversal))
            {
                ids.Add(id);
                mom.Add(f.Momentum);
                vol.Add(f.LowVol);
                rev.Add(f.Reversal);
            }
        }

        if (ids.Count < 2)
        {
            return;
        }

        _lastRebalance = _sessions;
        var zm = RankZ([.. mom]);
        var zv = RankZ([.. vol]);
        var zr = RankZ([.. rev]);
        Array.Fill(_score, double.NaN);
        for (int i = 0; i < ids.Count; i++)
        {
            _score[ids[i]] = (_wMom * zm[i]) + (_wVol * zv[i]) + (_wRev * zr[i]);
        }

        int k = Math.Max(1, (int)Math.Ceiling(ids.Count * _fraction));
        var ranked = ids.OrderByDescending(id => _score[id]).ThenBy(id => id).ToArray();
        int[] longs = ranked[..k];
        int[] shorts = _longShort ? ranked[^k..] : [];
        double wl = (_longShort ? 0.5 : 1.0) / k;
        double ws = 0.5 / k;
        foreach (int id in context.Universe.Ids)
        {
            double w = longs.Contains(id) ? wl : shorts.Contains(id) ? -ws : 0;
            context.SetTargetWeight(id, w);
        }

        Rebalances.Add((context.NowUtcTicks, longs, shorts));
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Long("sessions", _sessions);
        writer.Long("last_rebalance", _lastRebalance);
        writer.Doubles("score", _score);
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _sessions = reader.Long("sessions");
        _lastRebalance = reader.Long("last_rebalance");
        reader.Doubles("score", _score);
    }
}
