using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>
/// Sector rotation (type <c>sector_rotation</c>) on daily bars. Every <c>rebalance_days</c> sessions, at the close,
/// each sector's momentum is the mean over its members of close[t − <c>skip_days</c>] / close[t − <c>skip_days</c> −
/// <c>lookback_days</c>] − 1; the strategy then holds the members of the <c>top_k</c> sectors in equal weight (gross 1)
/// and nothing else. Orders go out at the close and fill at the next bar.
/// </summary>
public sealed class SectorRotation : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "sector_rotation";

    private int _lookback, _skip, _topK, _rebalance;
    private long _sessions;
    private long _lastRebalance = int.MinValue;
    private (string Sector, int[] Members)[] _sectors = [];
    private string[] _held = [];

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("lookback_days", 63, 2, 1000, "Momentum lookback, sessions"),
        StrategyParameter.Int("skip_days", 0, 0, 100, "Most recent sessions left out of the momentum"),
        StrategyParameter.Int("top_k", 3, 1, 50, "Sectors held"),
        StrategyParameter.Int("rebalance_days", 21, 1, 1000, "Sessions between rebalances"),
        .. PipelineParameters.Create("equal", 0.25),
    ];

    /// <summary>Sectors held since the last rebalance, best first.</summary>
    public IReadOnlyList<string> HeldSectors => _held;

    /// <summary>Every rebalance: its time and the sectors chosen, best first.</summary>
    public IList<(long TimeUtcTicks, string[] Sectors)> Rebalances { get; } = [];

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _lookback = p.Int("lookback_days");
        _skip = p.Int("skip_days");
        _topK = p.Int("top_k");
        _rebalance = p.Int("rebalance_days");
        setup.UseTimeFrame(TimeFrame.Daily, _lookback + _skip + 2);
        _sectors = [.. setup.Universe.BySector()];
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
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
        var scored = new List<(string Sector, double Momentum)>();
        foreach (var (sector, members) in _sectors)
        {
            double sum = 0;
            int n = 0;
            foreach (int id in members)
            {
                var c = daily.Close(id);
                int last = c.Length - 1 - _skip;
                int first = last - _lookback;
                if (first >= 0)
                {
                    sum += (c[last] / c[first]) - 1;
                    n++;
                }
            }

            if (n > 0)
            {
                scored.Add((sector, sum / n));
            }
        }

        if (scored.Count == 0)
        {
            return;
        }

        _lastRebalance = _sessions;
        _held = [.. scored.OrderByDescending(s => s.Momentum).ThenBy(s => s.Sector, StringComparer.Ordinal).Take(_topK).Select(s => s.Sector)];
        Rebalances.Add((context.NowUtcTicks, _held));
        int count = _sectors.Where(s => _held.Contains(s.Sector)).Sum(s => s.Members.Length);
        foreach (var (sector, members) in _sectors)
        {
            double w = _held.Contains(sector) ? 1.0 / count : 0.0;
            foreach (int id in members)
            {
                context.SetTargetWeight(id, w);
            }
        }
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Long("sessions", _sessions);
        writer.Long("last_rebalance", _lastRebalance);
        writer.Text("held", string.Join('\n', _held));
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _sessions = reader.Long("sessions");
        _lastRebalance = reader.Long("last_rebalance");
        string held = reader.Text("held");
        _held = held.Length == 0 ? [] : held.Split('\n');
    }
}
