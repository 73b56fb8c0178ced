using System.Runtime.InteropServices;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Indicators;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// One streaming indicator from the indicator library, kept per member symbol on one time frame. Registered once at
/// initialisation (<see cref="StrategySetup.Indicator"/>); the framework feeds it every completed bar of its time
/// frame before the strategy sees the step, so its value at a step covers exactly the bars completed by then.
/// The members' states live side by side in one <see cref="IIndicatorBank"/> (what a stream per member would report,
/// bit for bit), so a step's update touches little memory.
/// </summary>
public sealed class IndicatorHandle
{
    private readonly IIndicatorBank _bank;
    private readonly int _stride;

    // The bank's output block when it keeps one (what Value reports, symbol-major): read without an interface call.
    private double[]? _values;

    internal IndicatorHandle(IndicatorDefinition definition, double[] parameters, PriceField[] sources, TimeFrame timeFrame, StrategyUniverse universe)
    {
        Definition = definition;
        Parameters = parameters;
        TimeFrame = timeFrame;
        _bank = definition.CreateBank(parameters, universe.Symbols.Count, universe.Ids, sources);
        _stride = _bank.OutputCount;
        BindValues();
    }

    /// <summary>The indicator.</summary>
    public IndicatorDefinition Definition { get; }

    /// <summary>Its parameters, in the definition's order.</summary>
    internal double[] Parameters { get; }

    /// <summary>The time frame whose bars feed it.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>First output for <paramref name="symbolId"/> (NaN during warm-up or outside the universe).</summary>
    public double Value(int symbolId) => _values is { } v ? v[symbolId * _stride] : _bank.Value(symbolId);

    /// <summary>Output <paramref name="output"/> for <paramref name="symbolId"/>.</summary>
    public double Value(int symbolId, int output) => _bank.Value(symbolId, output);

    /// <summary>True once the warm-up of <paramref name="symbolId"/>'s stream is over.</summary>
    public bool IsReady(int symbolId) => _bank.IsReady(symbolId);

    internal void Update(int symbolId, in Bar bar) => _bank.Update(symbolId, bar);

    /// <summary>Feeds every member symbol of <paramref name="slice"/> its bar (non-members are skipped).</summary>
    internal void UpdateAll(BarSlice slice) => _bank.UpdateAll(slice);

    internal void Save(StateWriter w) => w.Object("ind", _bank);

    internal void Load(StateReader r)
    {
        r.Object("ind", _bank);
        BindValues();
    }

    private void BindValues() =>
        _values = MemoryMarshal.TryGetArray(_bank.Outputs, out var block) && block.Offset == 0 && block.Count > 0 ? block.Array : null;
}
