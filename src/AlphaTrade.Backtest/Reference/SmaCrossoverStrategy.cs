using System.Globalization;
using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;
using AlphaTrade.Engine.Strategies;

namespace AlphaTrade.Backtest.Reference;

/// <summary>How the crossover sizes positions.</summary>
public enum CrossoverSizing
{
    /// <summary>A target weight of account equity per symbol.</summary>
    TargetWeight,

    /// <summary>A fixed number of shares per symbol.</summary>
    FixedShares,
}

/// <summary>Parameters of the reference SMA crossover.</summary>
public sealed record SmaCrossoverParameters
{
    /// <summary>Fast average length, bars.</summary>
    public int FastPeriod { get; init; } = 10;

    /// <summary>Slow average length, bars (greater than fast).</summary>
    public int SlowPeriod { get; init; } = 30;

    /// <summary>Sizing mode.</summary>
    public CrossoverSizing Sizing { get; init; } = CrossoverSizing.TargetWeight;

    /// <summary>Target weight per symbol; NaN means 1 / number of symbols.</summary>
    public double Weight { get; init; } = double.NaN;

    /// <summary>Shares per symbol in fixed-share mode.</summary>
    public long Shares { get; init; } = 100;

    /// <summary>Go short when fast &lt; slow (else flat).</summary>
    public bool AllowShort { get; init; }

    /// <summary>Strategy name in books and reports.</summary>
    public string Name { get; init; } = "sma_crossover";

    /// <summary>Checks the parameters; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FastPeriod);
        if (SlowPeriod <= FastPeriod)
        {
            throw new ArgumentException($"slow_period ({SlowPeriod}) must exceed fast_period ({FastPeriod}).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Shares);
        if (!double.IsNaN(Weight) && (!double.IsFinite(Weight) || Weight < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Weight), Weight, "Weight must be a non-negative number.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
    }

    /// <summary>The weight for <paramref name="symbolCount"/> symbols.</summary>
    public double WeightFor(int symbolCount) => double.IsNaN(Weight) ? 1.0 / symbolCount : Weight;

    /// <summary>Ordered (key, value) pairs for run records.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            new("fast_period", FastPeriod.ToString(c)),
            new("slow_period", SlowPeriod.ToString(c)),
            new("sizing", Sizing == CrossoverSizing.TargetWeight ? "target_weight" : "fixed_shares"),
            new("weight", double.IsNaN(Weight) ? "1/n" : Weight.ToString("R", c)),
            new("shares", Shares.ToString(c)),
            new("allow_short", AllowShort ? "true" : "false"),
        ];
    }
}

/// <summary>
/// The reference strategy: per symbol, a fast and a slow simple moving average of closes (streaming, O(1) per bar);
/// long while fast &gt; slow, flat (or short, when allowed) otherwise; it trades only when that state changes, with a
/// market order to the target (weight of equity or fixed shares). Bars flagged as outliers are ignored.
/// Allocation-free per bar.
/// </summary>
public sealed class SmaCrossoverStrategy : Strategy
{
    private readonly SmaCrossoverParameters _p;
    private RollingMeans _fast = new(0, 1);
    private RollingMeans _slow = new(0, 1);
    private int[] _state = [];
    private double _weight;

    /// <summary>Creates the strategy.</summary>
    public SmaCrossoverStrategy(SmaCrossoverParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        _p = parameters;
    }

    /// <inheritdoc />
    public override string Name => _p.Name;

    /// <summary>The parameters.</summary>
    public SmaCrossoverParameters Parameters => _p;

    /// <inheritdoc />
    public override void OnStart(IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int n = context.Symbols.Count;
        _fast = new RollingMeans(n, _p.FastPeriod);
        _slow = new RollingMeans(n, _p.SlowPeriod);
        _state = new int[n];

        _weight = _p.WeightFor(n);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void OnBar(IStrategyContext context, BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(slice);
        var ids = slice.Symbols;
        var close = slice.Close;
        var flags = slice.Flags;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if ((flags[id] & BarFlags.Outlier) != 0)
            {
                continue;
            }

            int state = Next(id, close[id]);
            if (state == _state[id])
            {
                continue;
            }

            _state[id] = state;
            if (_p.Sizing == CrossoverSizing.TargetWeight)
            {
                context.SetTargetWeight(id, state * _weight);
            }
            else
            {
                context.SetTargetShares(id, state * _p.Shares);
            }
        }
    }

    private int Next(int id, double close)
    {
        _fast.Add(id, close);
        _slow.Add(id, close);
        if (!_slow.IsReady(id))
        {
            return 0;
        }

        double fv = _fast.Value(id), sv = _slow.Value(id);
        return fv > sv ? 1 : _p.AllowShort && fv < sv ? -1 : 0;
    }

    /// <summary>
    /// The same signal as a target-weight matrix (rows × symbols, row-major) over aligned bars, for the vectorized
    /// engine: the weight changes exactly where the event-driven strategy would trade.
    /// </summary>
    public static double[] TargetWeights(Vectorized.AlignedBars bars, SmaCrossoverParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var w = new double[bars.Cells];
        TargetWeights(bars, parameters, w);
        return w;
    }

    /// <summary>
    /// Writes the target-weight matrix of <see cref="TargetWeights(Vectorized.AlignedBars, SmaCrossoverParameters)"/>
    /// into <paramref name="destination"/> (exactly <c>bars.Cells</c> long), so a sweep can reuse one buffer per
    /// thread instead of allocating a matrix per configuration. Walks the matrix row by row (sequential writes), one
    /// pair of averages per symbol: the same values, bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TargetWeights(Vectorized.AlignedBars bars, SmaCrossoverParameters parameters, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int rows = bars.Rows, n = bars.Columns;
        if (destination.Length != bars.Cells)
        {
            throw new ArgumentException($"The destination holds {destination.Length} cells; the bars have {rows} rows × {n} symbols.", nameof(destination));
        }

        double weight = parameters.WeightFor(n);
        bool allowShort = parameters.AllowShort;
        var close = bars.Close;
        var present = bars.Present;
        var flags = bars.Flags;
        var fast = new RollingMeans(n, parameters.FastPeriod);
        var slow = new RollingMeans(n, parameters.SlowPeriod);
        var current = new double[n];

        for (int r = 0; r < rows; r++)
        {
            int b = r * n;
            var row = destination.Slice(b, n);
            for (int s = 0; s < n; s++)
            {
                int at = b + s;
                if (present[at] && (flags[at] & BarFlags.Outlier) == 0)
                {
                    fast.Add(s, close[at]);
                    slow.Add(s, close[at]);
                    int state = 0;
                    if (slow.IsReady(s))
                    {
                        double fv = fast.Value(s), sv = slow.Value(s);
                        state = fv > sv ? 1 : allowShort && fv < sv ? -1 : 0;
                    }

                    current[s] = state * weight;
                }

                row[s] = current[s];
            }
        }
    }
}
