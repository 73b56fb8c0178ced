using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Core.Time;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Strategies.Framework;

/// <summary>How a <see cref="StrategyHost"/> runs its strategy.</summary>
public sealed record StrategyHostOptions
{
    /// <summary>Exchange calendar (session alignment of higher time frames).</summary>
    public required ITradingCalendar Calendar { get; init; }

    /// <summary>Validated parameters; null: the strategy reads defaults of its own.</summary>
    public StrategyParameters? Parameters { get; init; }

    /// <summary>The run's bar size.</summary>
    public TimeFrame BaseTimeFrame { get; init; } = TimeFrame.FifteenMinutes;

    /// <summary>The symbols it trades (a subset of the run's); null: all of them.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Sector of each ticker (pairs and sector rotation use it); missing tickers have an empty sector.</summary>
    public IReadOnlyDictionary<string, string>? Sectors { get; init; }

    /// <summary>Share of account equity the strategy trades with (target weights are of this capital).</summary>
    public double Allocation { get; init; } = 1.0;

    /// <summary>Base bars of history kept per symbol (at least; strategies may ask for more).</summary>
    public int BaseHistory { get; init; } = 256;

    /// <summary>Receives every executed target-weight change (for reports and tests).</summary>
    public DecisionLog? Decisions { get; init; }

    /// <summary>State saved by <see cref="StrategyHost.SaveState"/> to resume from, or null to start fresh.</summary>
    public byte[]? RestoreState { get; init; }

    /// <summary>Keep a private base history even where the engine's could be shared (tests prove the two equivalent).</summary>
    internal bool PrivateHistory { get; init; }
}

/// <summary>One executed target-weight change.</summary>
/// <param name="TimeUtcTicks">When it was decided (step close).</param>
/// <param name="SymbolId">Run symbol id.</param>
/// <param name="Weight">New target weight of the strategy's capital.</param>
public readonly record struct TargetDecision(long TimeUtcTicks, int SymbolId, double Weight);

/// <summary>Collects a strategy's executed target-weight changes in time order.</summary>
public sealed class DecisionLog
{
    private readonly List<TargetDecision> _items = [];

    /// <summary>The decisions so far.</summary>
    public IReadOnlyList<TargetDecision> Items => _items;

    internal void Add(TargetDecision d) => _items.Add(d);
}

/// <summary>
/// Runs an <see cref="ITradingStrategy"/> on the engine's kernel (so the same code drives backtest, paper and live):
/// per base step it appends the bars of the strategy's symbols to its own bounded history, builds the higher time
/// frames incrementally, updates the registered indicators, calls the strategy, expires signals, and when decisions
/// changed runs portfolio construction → risk → execution for the strategy's allocation. Several hosts run side by
/// side in one kernel, each with its own books (per-strategy P&amp;L comes from the kernel's ledger).
/// Allocation-free per bar apart from what the strategy itself allocates.
/// </summary>
public sealed class StrategyHost : Strategy
{
    // 2: indicator state per handle as one bank (all members side by side), not one stream per symbol.
    private const int StateVersion = 2;
    private readonly ITradingStrategy _strategy;
    private readonly StrategyHostOptions _options;
    private readonly string _name;
    private IStrategyContext? _engine;
    private StrategyUniverse? _universe;
    private IMarketView? _base;
    private MarketHistory? _ownHistory;
    private bool _sharesEngineHistory;
    private SessionBarAggregator[] _aggregators = [];
    private IndicatorHandle[] _baseIndicators = [];
    private IndicatorHandle[][] _frameIndicators = [];
    private IndicatorHandle[] _allIndicators = [];
    private StrategySetup? _setup;
    private TradingContext? _context;
    private long[] _barStep = [];
    private int[] _publishedIds = [];
    private int[] _publishedCounts = [];
    private int[] _direction = [];
    private double[] _strength = [];
    private long[] _expiry = [];
    private double[] _explicit = [];
    private bool[] _hasExplicit = [];
    private double[] _constructed = [];
    private double[] _target = [];
    private double[] _executed = [];
    private int _expiring;
    private bool _dirty;
    private long _sessionOpen = long.MaxValue;
    private long _sessionClose = long.MinValue;

    /// <summary>Creates a host running <paramref name="strategy"/> as <paramref name="name"/>.</summary>
    public StrategyHost(string name, ITradingStrategy strategy, StrategyHostOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Allocation > 0) || !double.IsFinite(options.Allocation))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Allocation, "The allocation must be a positive share of equity.");
        }

        _name = name;
        _strategy = strategy;
        _options = options;
    }

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>The hosted strategy.</summary>
    public ITradingStrategy Strategy => _strategy;

    /// <summary>Base steps seen.</summary>
    public long StepIndex { get; private set; }

    internal IStrategyContext Engine => _engine ?? throw new InvalidOperationException("The strategy has not started.");

    internal StrategyUniverse Universe => _universe ?? throw new InvalidOperationException("The strategy has not started.");

    internal IMarketView BaseHistory => _base ?? throw new InvalidOperationException("The strategy has not started.");

    /// <summary>True when the base history is the engine's own (see <see cref="SharedEngineHistory"/>).</summary>
    internal bool SharesEngineHistory => _sharesEngineHistory;

    /// <inheritdoc />
    public override void OnStart(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _engine = context;
        var symbols = context.Symbols;
        IEnumerable<int> members = _options.Symbols is null
            ? Enumerable.Range(0, symbols.Count)
            : _options.Symbols.Where(s => symbols.TryGetId(s, out _)).Select(symbols.IdOf);
        var sectors = _options.Sectors;
        _universe = new StrategyUniverse(symbols, members, sectors is null ? null : s => sectors.GetValueOrDefault(s, string.Empty));
        var parameters = _options.Parameters ?? StrategyParameters.Defaults([]);
        _setup = new StrategySetup(_name, _universe, parameters, _options.BaseTimeFrame, _options.Calendar, _options.BaseHistory);
        _strategy.Initialize(_setup);

        int n = symbols.Count;
        var shared = SharedEngineHistory(context);
        _sharesEngineHistory = shared is not null;
        _ownHistory = shared is null ? new MarketHistory(symbols, _setup.BaseHistory) : null;
        _base = shared ?? _ownHistory;
        var frames = _setup.Frames.Keys.Order().ToArray();
        _aggregators = [.. frames.Select(f => new SessionBarAggregator(f, symbols, _setup.Frames[f]))];
        _allIndicators = [.. _setup.Indicators];
        _baseIndicators = [.. _allIndicators.Where(h => h.TimeFrame == _options.BaseTimeFrame)];
        _frameIndicators = [.. frames.Select(f => _allIndicators.Where(h => h.TimeFrame == f).ToArray())];
        _barStep = new long[n];
        Array.Fill(_barStep, -1);
        _publishedIds = new int[n];
        _publishedCounts = new int[n];
        _direction = new int[n];
        _strength = new double[n];
        _expiry = new long[n];
        _explicit = new double[n];
        _hasExplicit = new bool[n];
        _constructed = new double[n];
        _target = new double[n];
        _executed = new double[n];
        _context = new TradingContext(this);
        if (_options.RestoreState is { } state)
        {
            Restore(state);
        }
    }

    /// <inheritdoc />
    public override void OnBar(IStrategyContext context, BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        StepIndex++;
        Slice = slice;
        long start = slice.StartUtcTicks;
        bool inSession = FindSession(start);
        var universe = _universe!;
        var ids = slice.Symbols;
        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        var barStep = _barStep;
        long step = StepIndex;

        // Phase by phase rather than symbol by symbol: every symbol's history, streams and buckets are its own, so
        // the order across symbols is free, and short loops over one structure each run faster than one long one.
        if (_sharesEngineHistory)
        {
            // The engine appended this slice to the history we read before calling us (checked on one symbol).
            var engine = _base!;
            if (ids.Length > 0 && (engine.Length(ids[0]) == 0 || engine.Time(ids[0])[^1] != start))
            {
                throw new InvalidOperationException($"Strategy {_name}: the engine's bar history is not at this step; it cannot be shared.");
            }

            for (int i = 0; i < ids.Length; i++)
            {
                barStep[ids[i]] = step;
            }
        }
        else
        {
            var history = _ownHistory!;
            for (int i = 0; i < ids.Length; i++)
            {
                int id = ids[i];
                if (universe.Contains(id))
                {
                    barStep[id] = step;
                    history.Append(id, start, o[id], h[id], l[id], c[id], v[id]);
                }
            }
        }

        foreach (var ind in _baseIndicators)
        {
            ind.UpdateAll(slice);
        }

        if (inSession)
        {
            for (int a = 0; a < _aggregators.Length; a++)
            {
                var aggregator = _aggregators[a];
                long bucket = aggregator.BucketStart(start, _sessionOpen);
                long bucketEnd = aggregator.BucketEnd(bucket, _sessionClose);
                int published = aggregator.AddAll(slice, universe, bucket, bucketEnd, step, _publishedIds, _publishedCounts);

                // A symbol's frame indicators read only its own published bars: feeding them after the other
                // symbols' bars were added gives what feeding each right after its own add gives.
                if (_frameIndicators[a].Length > 0)
                {
                    for (int p = 0; p < published; p++)
                    {
                        FeedPublished(a, _publishedIds[p], _publishedCounts[p]);
                    }
                }
            }
        }

        ExpireSignals();
        _strategy.OnBar(_context!);
        int every = _setup!.RebalanceEveryBars;
        if (every > 0 && StepIndex % every == 0)
        {
            _dirty = true;
        }

        RebalanceIfNeeded();
    }

    /// <inheritdoc />
    public override void OnSessionOpen(IStrategyContext context, TradingSession session)
    {
        _strategy.OnSessionOpen(_context!, session);
        RebalanceIfNeeded();
    }

    /// <inheritdoc />
    public override void OnSessionClose(IStrategyContext context, TradingSession session)
    {
        foreach (int id in _universe!.Ids)
        {
            for (int a = 0; a < _aggregators.Length; a++)
            {
                FeedPublished(a, id, _aggregators[a].Flush(id, StepIndex) ? 1 : 0);
            }
        }

        _strategy.OnSessionClose(_context!, session);
        RebalanceIfNeeded();
    }

    /// <inheritdoc />
    public override void OnFill(IStrategyContext context, Fill fill) => _strategy.OnFill(_context!, fill);

    /// <summary>
    /// The framework's and the strategy's state (signals, targets, histories, higher-time-frame buckets, indicator
    /// streams, the strategy's own state) as bytes; pass them as <see cref="StrategyHostOptions.RestoreState"/> to a
    /// new host with the same strategy type, parameters and universe to resume exactly where this one stopped.
    /// </summary>
    public byte[] SaveState()
    {
        using var ms = new MemoryStream();
        var w = new StateWriter(ms);
        w.Long("version", StateVersion);
        w.Text("name", _name);
        w.Long("step", StepIndex);
        w.Ints("direction", _direction);
        w.Doubles("strength", _strength);
        w.Longs("expiry", _expiry);
        w.Doubles("explicit", _explicit);
        w.Bools("has_explicit", _hasExplicit);
        w.Doubles("executed", _executed);
        w.Longs("bar_step", _barStep);
        HistoryState.Save(w, BaseHistory);
        foreach (var a in _aggregators)
        {
            w.Long("frame", a.TimeFrame.Minutes);
            a.Save(w);
        }

        foreach (var ind in _allIndicators)
        {
            w.Text("indicator", ind.Definition.Info.Name);
            ind.Save(w);
        }

        _strategy.SaveState(w);
        w.Flush();
        return ms.ToArray();
    }

    internal bool HasBar(int symbolId) => _barStep[symbolId] == StepIndex;

    /// <summary>
    /// The slice of the step in progress (set as <see cref="OnBar"/> starts): for a symbol with <see cref="HasBar"/>,
    /// its columns hold that bar, the newest one of the base history, without a history lookup per read.
    /// </summary>
    internal BarSlice? Slice { get; private set; }

    internal Signal ActiveSignal(int symbolId) =>
        new(_direction[symbolId], _strength[symbolId], 0);

    internal double ExecutedWeight(int symbolId) => _executed[symbolId];

    internal SessionBarAggregator Aggregator(TimeFrame timeFrame)
    {
        foreach (var a in _aggregators)
        {
            if (a.TimeFrame == timeFrame)
            {
                return a;
            }
        }

        throw new InvalidOperationException($"Strategy {_name} did not ask for {timeFrame} bars (call UseTimeFrame in Initialize).");
    }

    internal void SetSignal(int symbolId, Signal signal)
    {
        if (!_universe!.Contains(symbolId))
        {
            throw new ArgumentOutOfRangeException(nameof(symbolId), symbolId, $"Symbol {symbolId} is not in {_name}'s universe.");
        }

        long expiry = signal.Direction != 0 && signal.HorizonBars > 0 ? StepIndex + signal.HorizonBars : 0;
        if (_expiry[symbolId] != 0)
        {
            _expiring--;
        }

        if (expiry != 0)
        {
            _expiring++;
        }

        _expiry[symbolId] = expiry;
        if (_direction[symbolId] != signal.Direction || _strength[symbolId] != signal.Strength)
        {
            _direction[symbolId] = signal.Direction;
            _strength[symbolId] = signal.Direction == 0 ? 0 : signal.Strength;
            _dirty = true;
        }
    }

    internal void SetExplicitWeight(int symbolId, double weight)
    {
        if (!_universe!.Contains(symbolId))
        {
            throw new ArgumentOutOfRangeException(nameof(symbolId), symbolId, $"Symbol {symbolId} is not in {_name}'s universe.");
        }

        if (!_hasExplicit[symbolId] || _explicit[symbolId] != weight)
        {
            _hasExplicit[symbolId] = true;
            _explicit[symbolId] = weight;
            _dirty = true;
        }
    }

    private void FeedPublished(int aggregator, int id, int published)
    {
        if (published == 0)
        {
            return;
        }

        var inds = _frameIndicators[aggregator];
        var hist = _aggregators[aggregator].History;
        int len = hist.Length(id);
        for (int k = published; k >= 1; k--)
        {
            int at = len - k;
            var bar = new Bar(hist.Time(id)[at], hist.Open(id)[at], hist.High(id)[at], hist.Low(id)[at], hist.Close(id)[at], hist.Volume(id)[at]);
            foreach (var ind in inds)
            {
                ind.Update(id, bar);
            }
        }
    }

    /// <summary>
    /// The engine's own bar history when it holds exactly what this host's would: the engine extends it with every slice
    /// before any strategy sees the slice (<see cref="IBarHistory"/>: a <see cref="MarketHistory"/>, or a backtest's
    /// window over the loaded series, which shows the same), so with the same capacity, every symbol a member, and both
    /// empty at the start (not resuming from saved state), its spans equal a private copy's at every step. Sharing it
    /// saves an append per symbol-bar and the copy's memory. Null otherwise (the host keeps its own).
    /// </summary>
    private IBarHistory? SharedEngineHistory(IStrategyContext context)
    {
        if (_options.RestoreState is not null || _options.PrivateHistory || context.Market is not IBarHistory engine
            || engine.Capacity != _setup!.BaseHistory || !ReferenceEquals(engine.Symbols, context.Symbols)
            || _universe!.Count != context.Symbols.Count)
        {
            return null;
        }

        for (int id = 0; id < context.Symbols.Count; id++)
        {
            if (engine.Length(id) != 0)
            {
                return null;
            }
        }

        return engine;
    }

    private bool FindSession(long start)
    {
        if (start >= _sessionOpen && start < _sessionClose)
        {
            return true;
        }

        var s = _options.Calendar.SessionAt(new DateTime(start, DateTimeKind.Utc));
        if (s is not { } session)
        {
            return false;
        }

        _sessionOpen = session.OpenUtc.Ticks;
        _sessionClose = session.CloseUtc.Ticks;
        return true;
    }

    private void ExpireSignals()
    {
        if (_expiring == 0)
        {
            return;
        }

        foreach (int id in _universe!.Ids)
        {
            if (_expiry[id] != 0 && _expiry[id] <= StepIndex)
            {
                SetSignal(id, Signal.Flat);
            }
        }
    }

    private void RebalanceIfNeeded()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        var universe = _universe!;
        Array.Clear(_constructed);
        _setup!.Construction.Construct(new ConstructionInput(universe, _direction, _strength, BaseHistory), _constructed);
        foreach (int id in universe.Ids)
        {
            _target[id] = _hasExplicit[id] ? _explicit[id] : _constructed[id];
        }

        _setup.Risk.Apply(universe, _target);
        double capital = _options.Allocation * (double)Engine.Portfolio.Equity;
        _setup.Execution.Execute(Engine, universe, _executed, _target, capital);
        foreach (int id in universe.Ids)
        {
            if (_target[id] != _executed[id])
            {
                _options.Decisions?.Add(new TargetDecision(Engine.NowUtcTicks, id, _target[id]));
                _executed[id] = _target[id];
            }
        }
    }

    private void Restore(byte[] state)
    {
        using var ms = new MemoryStream(state, writable: false);
        var r = new StateReader(ms);
        if (r.Long("version") != StateVersion)
        {
            throw new InvalidDataException("Strategy state: unsupported version.");
        }

        string name = r.Text("name");
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Strategy state belongs to '{name}', not '{_name}'.");
        }

        StepIndex = r.Long("step");
        r.Ints("direction", _direction);
        r.Doubles("strength", _strength);
        r.Longs("expiry", _expiry);
        r.Doubles("explicit", _explicit);
        r.Bools("has_explicit", _hasExplicit);
        r.Doubles("executed", _executed);
        r.Longs("bar_step", _barStep);
        _expiring = _expiry.Count(e => e != 0);
        HistoryState.Load(r, _ownHistory!);
        foreach (var a in _aggregators)
        {
            if (r.Long("frame") != a.TimeFrame.Minutes)
            {
                throw new InvalidDataException("Strategy state: time frames differ.");
            }

            a.Load(r);
        }

        foreach (var ind in _allIndicators)
        {
            if (!string.Equals(r.Text("indicator"), ind.Definition.Info.Name, StringComparison.Ordinal))
            {
                throw new InvalidDataException("Strategy state: indicators differ.");
            }

            ind.Load(r);
        }

        _strategy.LoadState(r);
    }
}
