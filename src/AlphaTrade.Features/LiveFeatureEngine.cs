using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features;

/// <summary>
/// Computes the features of a plan incrementally, one timestamp at a time, for live trading and event-driven
/// backtests. After the same bars it holds exactly the values the batch <see cref="FeatureBuilder"/> puts in the
/// matrix (proven by the engine tests). Warm it up by replaying history through <see cref="Update"/>. Not
/// thread-safe.
/// </summary>
public sealed class LiveFeatureEngine
{
    private readonly FeaturePlan _plan;
    private readonly BarContextTracker[] _trackers;
    private readonly SymbolStream[][] _streams;
    private readonly double[][] _rows;
    private readonly bool[] _hasBar;
    private readonly UniverseDriver _driver;
    private readonly double[] _keyRow;

    /// <summary>Creates an engine for <paramref name="symbols"/> (with their <paramref name="sectors"/>), at one bar size.</summary>
    public LiveFeatureEngine(FeaturePlan plan, ITradingCalendar calendar, TimeFrame timeFrame, IReadOnlyList<string> symbols, IReadOnlyList<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(sectors);
        if (symbols.Count != sectors.Count)
        {
            throw new ArgumentException("One sector per symbol.", nameof(sectors));
        }

        _plan = plan;
        Symbols = symbols;
        int n = symbols.Count;
        _trackers = new BarContextTracker[n];
        _streams = new SymbolStream[n][];
        _rows = new double[n][];
        _hasBar = new bool[n];
        for (int s = 0; s < n; s++)
        {
            _trackers[s] = new BarContextTracker(calendar, timeFrame, plan.Definition.Options.AtrPeriod);
            var env = new SymbolEnvironment(symbols[s], sectors[s], plan.Alt);
            _streams[s] = plan.SymbolBlocks.Select(b => b.CreateStream(env)).ToArray();
            _rows[s] = new double[plan.Features.Count];
            Array.Fill(_rows[s], double.NaN);
        }

        _driver = new UniverseDriver(plan, new UniverseLayout(symbols, sectors, plan.KeyFeatures), calendar);
        _keyRow = new double[plan.KeyFeatures.Count];
    }

    /// <summary>Symbols in engine order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Feature columns of <see cref="Row"/>.</summary>
    public IReadOnlyList<FeatureInfo> Features => _plan.Features;

    /// <summary>
    /// Consumes the bars that start at <paramref name="time"/>: <paramref name="bars"/>[s] for symbol s (null when it
    /// printed none) and the benchmark's bar (null when none). Times must strictly increase.
    /// </summary>
    public void Update(long time, ReadOnlySpan<Bar?> bars, Bar? benchmark)
    {
        if (bars.Length != _rows.Length)
        {
            throw new ArgumentException($"Expected {_rows.Length} entries, one per symbol.", nameof(bars));
        }

        var plan = _plan;
        _driver.Begin(time);
        for (int s = 0; s < bars.Length; s++)
        {
            _hasBar[s] = bars[s].HasValue;
            if (bars[s] is not { } bar)
            {
                continue;
            }

            if (bar.TimeUtcTicks != time)
            {
                throw new ArgumentException($"{Symbols[s]}: bar time {bar.TimeUtcTicks} differs from the update time {time}.", nameof(bars));
            }

            var ctx = _trackers[s].Update(bar.TimeUtcTicks, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
            var row = _rows[s];
            var streams = _streams[s];
            for (int b = 0; b < streams.Length; b++)
            {
                streams[b].Update(ctx, row.AsSpan(plan.SymbolOffsets[b], plan.SymbolBlocks[b].Features.Count));
            }

            for (int k = 0; k < _keyRow.Length; k++)
            {
                _keyRow[k] = row[plan.KeyColumns[k]];
            }

            _driver.SetBar(s, bar.Close, _keyRow);
        }

        if (benchmark is { } bb)
        {
            _driver.SetBenchmark(bb.Close);
        }

        _driver.End();
        int first = plan.SymbolFeatureCount;
        for (int s = 0; s < _rows.Length; s++)
        {
            if (_hasBar[s])
            {
                _driver.Step.Output[s].AsSpan(0, plan.UniverseFeatureCount).CopyTo(_rows[s].AsSpan(first));
            }
        }
    }

    /// <summary>The features of symbol <paramref name="symbol"/> at its latest bar (NaN before any).</summary>
    public ReadOnlySpan<double> Row(int symbol) => _rows[symbol];

    /// <summary>True when symbol <paramref name="symbol"/> printed a bar at the latest update.</summary>
    public bool HasBar(int symbol) => _hasBar[symbol];
}
