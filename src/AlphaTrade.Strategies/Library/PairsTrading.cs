using AlphaTrade.Statistics;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Library;

/// <summary>A traded pair: y = log price of <see cref="B"/>, x = log price of <see cref="A"/>, spread = y − β·x − α.</summary>
/// <param name="A">Run symbol id of the x leg.</param>
/// <param name="B">Run symbol id of the y leg.</param>
/// <param name="PValue">Engle–Granger p-value at selection.</param>
/// <param name="HalfLife">Spread half-life at selection, bars.</param>
public readonly record struct SelectedPair(int A, int B, double PValue, double HalfLife);

/// <summary>
/// Pairs trading (type <c>pairs</c>). Every <c>reselect_bars</c> base bars it tests all pairs of members that share a
/// sector with Engle–Granger on the last <c>formation_bars</c> log prices, keeps those with p ≤ <c>max_pvalue</c> and
/// an OU half-life in [<c>min_half_life</c>, <c>max_half_life</c>] bars, and trades up to <c>max_pairs</c> disjoint
/// ones with the lowest p-values. Hedge ratio: the formation regression's (<c>hedge: rolling</c>, re-estimated at
/// each selection) or a Kalman-filter regression updated every bar (<c>hedge: kalman</c>). Spread z-score: the last
/// spread against its last <c>z_window</c> values, all computed with the current hedge ratio and intercept.
/// Enter at |z| ≥ <c>entry_z</c> (long the spread when z is low: long B, short β·A), exit at |z| ≤ <c>exit_z</c>, stop
/// at |z| ≥ <c>stop_z</c>; a pair whose p-value rises above <c>exit_pvalue</c> at a re-test is closed and dropped
/// (cointegration broke down). Each pair gets 1/<c>max_pairs</c> of gross exposure, split between legs.
/// </summary>
public sealed class PairsTrading : ITradingStrategy
{
    /// <summary>Type name in settings.yaml.</summary>
    public const string TypeName = "pairs";

    private readonly List<SelectedPair> _pairs = [];
    private readonly List<IReadOnlyList<SelectedPair>> _selections = [];
    private StrategyUniverse _universe = null!;
    private int _formation, _reselect, _maxPairs, _zWindow, _minHalfLife, _maxHalfLife;
    private double _maxP, _exitP, _entryZ, _exitZ, _stopZ, _kalmanDelta, _kalmanVe;
    private bool _kalman;
    private long _lastSelection = int.MinValue;
    private double[] _beta = [];
    private double[] _alpha = [];
    private int[] _position = [];
    private KalmanRegression?[] _filters = [];
    private double[] _x = [];
    private double[] _y = [];
    private double[] _residuals = [];

    // Per-symbol sums of the last formation log closes, computed once per selection (stamp = _selectionCount).
    private SeriesMoments[] _moments = [];
    private long[] _momentsAt = [];
    private long _selectionCount;

    // (bar time, log close) per symbol, appended once per bar: all the z-scores and pair tests read.
    private LogCloseHistory _history = null!;

    /// <summary>Documented parameters and defaults.</summary>
    public static IReadOnlyList<StrategyParameter> Parameters { get; } =
    [
        StrategyParameter.Int("formation_bars", 6500, 50, 50000, "Bars of log prices each Engle–Granger test uses (6500 = 250 sessions of 15-minute bars)"),
        StrategyParameter.Int("reselect_bars", 520, 1, 100000, "Bars between pair selections and cointegration re-tests"),
        StrategyParameter.Real("max_pvalue", 0.01, 0.0001, 1, "Largest Engle–Granger p-value of a new pair"),
        StrategyParameter.Real("exit_pvalue", 0.20, 0.0001, 1, "A traded pair whose re-test p-value exceeds this is closed and dropped"),
        StrategyParameter.Int("min_half_life", 26, 1, 100000, "Shortest spread half-life accepted, bars (26 = one session: shorter ones on 15-minute bars are mostly bar noise and do not pay their costs)"),
        StrategyParameter.Int("max_half_life", 520, 1, 100000, "Longest spread half-life accepted, bars (520 = 20 sessions)"),
        StrategyParameter.Int("max_pairs", 4, 1, 100, "Most pairs traded at once (each symbol in at most one)"),
        StrategyParameter.Choice("hedge", "rolling", ["rolling", "kalman"], "Hedge ratio: formation OLS refreshed at each selection, or a Kalman filter"),
        StrategyParameter.Real("kalman_delta", 1e-4, 1e-9, 0.5, "Kalman state-noise parameter δ"),
        StrategyParameter.Real("kalman_ve", 1e-3, 1e-12, 1, "Kalman observation variance"),
        StrategyParameter.Int("z_window", 130, 10, 20000, "Bars of spread history for the rolling z-score"),
        StrategyParameter.Real("entry_z", 2.0, 0.1, 20, "Enter when |z| reaches this"),
        StrategyParameter.Real("exit_z", 0.5, 0, 20, "Exit when |z| falls to this"),
        StrategyParameter.Real("stop_z", 4.0, 0.2, 50, "Stop out when |z| reaches this"),
        .. PipelineParameters.Create("equal", 0.25, 1.0),
    ];

    /// <summary>Pairs currently traded.</summary>
    public IReadOnlyList<SelectedPair> Pairs => _pairs;

    /// <summary>Every selection's result, in order (for tests and reports).</summary>
    public IReadOnlyList<IReadOnlyList<SelectedPair>> Selections => _selections;

    /// <inheritdoc />
    public void Initialize(StrategySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = setup.Parameters;
        PipelineParameters.Apply(setup);
        _universe = setup.Universe;
        _formation = p.Int("formation_bars");
        _reselect = p.Int("reselect_bars");
        _maxP = p.Real("max_pvalue");
        _exitP = p.Real("exit_pvalue");
        _minHalfLife = p.Int("min_half_life");
        _maxHalfLife = p.Int("max_half_life");
        _maxPairs = p.Int("max_pairs");
        _kalman = p.Choice("hedge") == "kalman";
        _kalmanDelta = p.Real("kalman_delta");
        _kalmanVe = p.Real("kalman_ve");
        _zWindow = p.Int("z_window");
        _entryZ = p.Real("entry_z");
        _exitZ = p.Real("exit_z");
        _stopZ = p.Real("stop_z");
        if (!(_exitZ < _entryZ && _entryZ < _stopZ))
        {
            throw new ArgumentException("need exit_z < entry_z < stop_z", "entry_z");
        }

        _history = new LogCloseHistory(_universe.Symbols.Count, Math.Max(_formation, _zWindow) + 1);
        _beta = new double[_maxPairs];
        _alpha = new double[_maxPairs];
        _position = new int[_maxPairs];
        _filters = new KalmanRegression?[_maxPairs];
        _x = new double[_formation];
        _y = new double[_formation];
        _residuals = new double[_formation];
        _moments = new SeriesMoments[_universe.Symbols.Count];
        _momentsAt = new long[_universe.Symbols.Count];
    }

    /// <inheritdoc />
    public void OnBar(TradingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The step's bars are the newest of the base history: read them from the slice.
        var bars = context.Bars;
        var close = bars.Close;
        long time = bars.StartUtcTicks;
        foreach (int id in _universe.Ids)
        {
            if (context.HasBar(id))
            {
                _history.Append(id, time, Math.Log(close[id]));
            }
        }

        if (context.Step - _lastSelection >= _reselect && context.Step >= _formation)
        {
            _lastSelection = context.Step;
            Select(context);
        }

        for (int k = 0; k < _pairs.Count; k++)
        {
            var pair = _pairs[k];
            if (!context.HasBar(pair.A) || !context.HasBar(pair.B))
            {
                continue;
            }

            double x = _history.Log(pair.A)[^1];
            double y = _history.Log(pair.B)[^1];
            double z;
            if (_kalman)
            {
                var step = _filters[k]!.Update(x, y);
                _beta[k] = step.Beta;
                _alpha[k] = step.Alpha;
            }

            z = RollingZ(pair, _beta[k], _alpha[k]);

            if (double.IsNaN(z))
            {
                continue;
            }

            int pos = _position[k];
            int want = pos;
            if (pos == 0)
            {
                want = z <= -_entryZ && z > -_stopZ ? 1 : z >= _entryZ && z < _stopZ ? -1 : 0;
            }
            else if (Math.Abs(z) >= _stopZ || (pos > 0 && z >= -_exitZ) || (pos < 0 && z <= _exitZ))
            {
                want = 0;
            }

            if (want != pos)
            {
                _position[k] = want;
                SetLegs(context, k, want);
            }
        }
    }

    private void SetLegs(TradingContext context, int k, int direction)
    {
        var pair = _pairs[k];
        double beta = Math.Abs(_beta[k]);
        double gross = 1.0 / _maxPairs;
        double wb = direction * gross / (1 + beta);
        double wa = -direction * gross * _beta[k] / (1 + beta);
        context.SetTargetWeight(pair.B, wb);
        context.SetTargetWeight(pair.A, wa);
    }

    private double RollingZ(SelectedPair pair, double beta, double alpha)
    {
        var la = _history.Log(pair.A);
        var lb = _history.Log(pair.B);
        int n = Math.Min(_zWindow, Math.Min(la.Length, lb.Length));
        if (n < 10)
        {
            return double.NaN;
        }

        double sum = 0, sum2 = 0, last = 0;
        for (int i = 1; i <= n; i++)
        {
            double s = lb[^i] - (beta * la[^i]) - alpha;
            if (i == 1)
            {
                last = s;
            }

            sum += s;
            sum2 += s * s;
        }

        double mean = sum / n;
        double var = (sum2 - (n * mean * mean)) / (n - 1);
        return var > 0 ? (last - mean) / Math.Sqrt(var) : double.NaN;
    }

    private void Select(TradingContext context)
    {
        _selectionCount++;
        // Re-test what is traded: drop pairs whose cointegration broke down.
        for (int k = _pairs.Count - 1; k >= 0; k--)
        {
            var pair = _pairs[k];
            var test = Test(pair.A, pair.B);
            if (test is not { } t || t.PValue > _exitP)
            {
                if (_position[k] != 0)
                {
                    SetLegs(context, k, 0);
                }

                Remove(k);
            }
            else if (!_kalman)
            {
                _beta[k] = t.Beta;
                _alpha[k] = t.Alpha;
            }
        }

        var candidates = new List<(SelectedPair Pair, PairScreenResult Test)>();
        foreach (var (_, members) in _universe.BySector())
        {
            for (int i = 0; i < members.Length; i++)
            {
                for (int j = i + 1; j < members.Length; j++)
                {
                    if (Uses(members[i]) || Uses(members[j]))
                    {
                        continue;
                    }

                    // Pairs whose p-value certainly exceeds max_pvalue are dropped after one pass over the residuals.
                    var test = Test(members[i], members[j], _maxP);
                    if (test is { } t && t.PValue <= _maxP && t.HalfLife >= _minHalfLife && t.HalfLife <= _maxHalfLife)
                    {
                        candidates.Add((new SelectedPair(members[i], members[j], t.PValue, t.HalfLife), t));
                    }
                }
            }
        }

        foreach (var (pair, test) in candidates.OrderBy(c => c.Pair.PValue).ThenBy(c => c.Pair.A).ThenBy(c => c.Pair.B))
        {
            if (_pairs.Count >= _maxPairs)
            {
                break;
            }

            if (Uses(pair.A) || Uses(pair.B))
            {
                continue;
            }

            int k = _pairs.Count;
            _pairs.Add(pair);
            _position[k] = 0;
            _beta[k] = test.Beta;
            _alpha[k] = test.Alpha;
            if (_kalman)
            {
                // Warm the filter on the formation window so its first z-scores are meaningful.
                var f = new KalmanRegression(_kalmanDelta, _kalmanVe);
                Align(pair.A, pair.B, out _);
                for (int i = 0; i < _formation; i++)
                {
                    f.Update(_x[i], _y[i]);
                }

                _filters[k] = f;
            }
        }

        _selections.Add([.. _pairs]);
    }

    private bool Uses(int id)
    {
        foreach (var p in _pairs)
        {
            if (p.A == id || p.B == id)
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(int k)
    {
        int last = _pairs.Count - 1;
        for (int i = k; i < last; i++)
        {
            _beta[i] = _beta[i + 1];
            _alpha[i] = _alpha[i + 1];
            _position[i] = _position[i + 1];
            _filters[i] = _filters[i + 1];
        }

        _filters[last] = null;
        _position[last] = 0;
        _pairs.RemoveAt(k);
    }

    // Engle–Granger of log B on log A over the last formation bars the two share (matched by bar time). When those are
    // each symbol's own last formation bars (no gaps), the sums of one series come from the selection's per-symbol cache.
    // With a maxPValue, null also stands for "p-value certainly above it" (see PairScreen.Screen).
    private PairScreenResult? Test(int a, int b, double maxPValue = double.NaN)
    {
        int f = _formation;
        var ta = _history.Time(a);
        var tb = _history.Time(b);
        if (ta.Length >= f && tb.Length >= f && ta[^f..].SequenceEqual(tb[^f..]))
        {
            // The last formation bars of both at the same times: what Align would copy is each symbol's own tail, so
            // test the tails in place.
            return PairScreen.Screen(_history.Log(b)[^f..], _history.Log(a)[^f..], _residuals, Moments(b), Moments(a), maxPValue);
        }

        if (!Align(a, b, out bool ownTails))
        {
            return null;
        }

        var ym = ownTails ? Moments(b) : SeriesMoments.Of(_y);
        var xm = ownTails ? Moments(a) : SeriesMoments.Of(_x);
        return PairScreen.Screen(_y, _x, _residuals, ym, xm, maxPValue);
    }

    // The sums of symbol id's last formation log closes (what Align copies when it skips none), once per selection.
    private SeriesMoments Moments(int id)
    {
        if (_momentsAt[id] != _selectionCount)
        {
            _moments[id] = SeriesMoments.Of(_history.Log(id)[^_formation..]);
            _momentsAt[id] = _selectionCount;
        }

        return _moments[id];
    }

    // Fills _x, _y with the last formation log closes of a and b at the bar times both have; false when too few.
    // ownTails: neither symbol had a bar the other lacks in that span, so _x and _y are their last formation values.
    private bool Align(int a, int b, out bool ownTails)
    {
        var ta = _history.Time(a);
        var tb = _history.Time(b);
        var la = _history.Log(a);
        var lb = _history.Log(b);
        int i = ta.Length - 1, j = tb.Length - 1, m = _formation;
        while (m > 0 && i >= 0 && j >= 0)
        {
            if (ta[i] == tb[j])
            {
                m--;
                _x[m] = la[i];
                _y[m] = lb[j];
                i--;
                j--;
            }
            else if (ta[i] > tb[j])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        ownTails = m == 0 && i == ta.Length - 1 - _formation && j == tb.Length - 1 - _formation;
        return m == 0;
    }

    /// <inheritdoc />
    public void SaveState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Long("last_selection", _lastSelection);
        _history.Save(writer);
        writer.Long("pairs", _pairs.Count);
        foreach (var p in _pairs)
        {
            writer.Ints("pair", [p.A, p.B]);
            writer.Doubles("pair_stats", [p.PValue, p.HalfLife]);
        }

        writer.Doubles("beta", _beta);
        writer.Doubles("alpha", _alpha);
        writer.Ints("position", _position);
        for (int k = 0; k < _pairs.Count; k++)
        {
            if (_kalman)
            {
                writer.Object("filter", _filters[k]!);
            }
        }
    }

    /// <inheritdoc />
    public void LoadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _lastSelection = reader.Long("last_selection");
        _history.Load(reader);
        long n = reader.Long("pairs");
        _pairs.Clear();
        for (int k = 0; k < n; k++)
        {
            var ids = reader.Ints("pair");
            var stats = reader.Doubles("pair_stats");
            _pairs.Add(new SelectedPair(ids[0], ids[1], stats[0], stats[1]));
        }

        reader.Doubles("beta", _beta);
        reader.Doubles("alpha", _alpha);
        reader.Ints("position", _position);
        for (int k = 0; k < _pairs.Count; k++)
        {
            if (_kalman)
            {
                var f = new KalmanRegression(_kalmanDelta, _kalmanVe);
                reader.Object("filter", f);
                _filters[k] = f;
            }
        }
    }
}
